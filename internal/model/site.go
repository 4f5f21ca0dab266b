package model

import "budgetpress/internal/amount"

// Site is the configuration in site.yaml.
type Site struct {
	Title     Text
	Languages []string // the first is the default language
	// Tolerance is the largest difference between a published total and
	// the sum of its parts that is taken for rounding (a warning, not an
	// error). When nil, it is worked out per sum: half a unit of the last
	// decimal place for each figure added and for the total itself.
	Tolerance *amount.Amount
	// IndicatorWeights is what the weights of a performance-target table
	// add up to; 0 means the check is off.
	IndicatorWeights int
}
