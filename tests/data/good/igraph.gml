Creator "igraph version 0.10.2 Thu Dec  3 10:25:10 2026"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "Sorge"
    kind "person"
  ]
  node
  [
    id 1
    name "Ozaki"
    kind "person"
  ]
  node
  [
    id 2
    name "Miyagi"
    kind "person"
  ]
  edge
  [
    source 1
    target 0
    weight 2
    relation "friend"
  ]
  edge
  [
    source 2
    target 1
    weight 0.5
    relation "colleague"
  ]
]
