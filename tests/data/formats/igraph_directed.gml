Creator "igraph version 0.10.2"
Version 1
graph
[
  directed 1
  node
  [
    id 0
    name "gemeente"
    label "Gemeente Den Haag"
    kind "partner"
    sector "municipality"
    budget 25000
    score 0.75
  ]
  node
  [
    id 1
    name "staedion"
    label "Staedion"
    kind "partner"
    sector "housing"
    budget 12000
    score 0.5
  ]
  node
  [
    id 2
    name "zoe"
    label "Zoë Öztürk"
    kind "resident"
    sector "residents"
    budget 0
    score 1.25
  ]
  node
  [
    id 3
    name "cafe"
    label "Café Het Hoekje"
    kind "partner"
    sector "business"
    budget 300
    score 0
  ]
  node
  [
    id 4
    name "een"
    label "Stichting Één"
    kind "partner"
    sector "culture"
    budget 10
    score 2.5
  ]
  edge
  [
    source 0
    target 1
    weight 2.5
    kind "collaborates"
  ]
  edge
  [
    source 1
    target 2
    weight 1
    kind "collaborates"
  ]
  edge
  [
    source 2
    target 3
    weight 0.5
    kind "tie"
  ]
  edge
  [
    source 0
    target 3
    weight 3
    kind "funds"
  ]
]
