graph [
  directed 1
  multigraph 1
  name "Tokyo ring"
  node [
    id 0
    label "sorge"
    name "Richard Sorge"
    kind "person"
    note "codenamed &#34;Ramsay&#34; &#38; &#34;Inson&#34;"
  ]
  node [
    id 1
    label "ozaki"
    name "Hotsumi Ozaki"
    native_name "&#23614;&#23822;&#31168;&#23455;"
    note "two&#10;lines"
  ]
  node [
    id 2
    label "miyagi"
    affiliation "ring"
    rank 3
  ]
  edge [
    source 0
    target 1
    key 0
    relation "recruited"
    start "1932-12"
    weight 2.5
    confidence 0.75
  ]
  edge [
    source 1
    target 2
    key 0
    relation "met"
  ]
  edge [
    source 1
    target 2
    key 1
    relation "informed"
    channel "courier"
  ]
]
