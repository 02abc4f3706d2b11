# A hand-written GML file: comments anywhere outside strings, NetworkX-style references, a Creator line
Creator "hand, for spygraph tests"
graph [ # the graph
  directed 0
  label "Shanghai &amp; Tokyo"
  node [ id 10 label "smedley" name "Agnes Smedley" kind "person" note "said &#34;yes&#34;&#10;twice" ]
  node [ id 20 label "ozaki" name "&#23614;&#23822; Hotsumi" affiliation "ring" ]
  node [ id 30 label "sorge" codenames "Ramsay;Inson" start "1895-10" end "1944-11-07" ]
  edge [ source 10 target 20 relation "introduced" directed 1 start "1930" confidence 0.5 ]
  edge [ source 20 target 30 relation "met" weight 2 ]
  edge [ source 30 target 10 ] # no attributes: a tie of the graph's direction
]
