graph [
  directed 1
  node [
    id 0
    label "Gemeente Den Haag"
    kind "partner"
    sector "municipality"
    budget 25000
    score 0.75
    active 1
  ]
  node [
    id 1
    label "Staedion"
    kind "partner"
    sector "housing"
    budget 12000
    score 0.5
    active 0
  ]
  node [
    id 2
    label "Zo&#235; &#214;zt&#252;rk"
    kind "resident"
    sector "residents"
    budget 0
    score 1.25
    active 1
  ]
  node [
    id 3
    label "Caf&#233; Het Hoekje"
    kind "partner"
    sector "business"
    budget 300
    score 0.0
    active 1
  ]
  node [
    id 4
    label "Stichting &#201;&#233;n"
    kind "partner"
    sector "culture"
    budget 10
    score 2.5
    active 0
  ]
  edge [
    source 0
    target 1
    weight 2.5
    kind "collaborates"
  ]
  edge [
    source 0
    target 3
    weight 3.0
    kind "funds"
  ]
  edge [
    source 1
    target 2
    weight 1.0
    kind "collaborates"
  ]
  edge [
    source 2
    target 3
    weight 0.5
    kind "tie"
  ]
]
