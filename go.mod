module budgetpress

go 1.26.8

require (
	github.com/shopspring/decimal v1.6.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)
