graph [
  node [ id 0 label "two&#10;lines" ]
  node [ id 1 label "b" ]
  edge [ source 0 target 1 ]
  edge [ source 0 target 7 ]
]
