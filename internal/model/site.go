package model

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/diag"
)

// Site is the configuration in site.yaml.
type Site struct {
	Title Text
	// BaseURL is the scheme and host the site is published on, such as
	// https://www.cj.gov.cn; canonical links and the sitemap need it.
	BaseURL string
	// BasePath is the path the site is published under, such as
	// /zwgk/czyjs/; it always starts and ends with a slash.
	BasePath string
	// Portal holds the page-labelling meta tags of Chinese government
	// websites (SiteName, SiteDomain, SiteIDCode, ColumnName, ColumnType).
	Portal    Portal
	Languages []string // the first is the default language
	// Tolerance is the largest difference between a published total and
	// the sum of its parts that is taken for rounding (a warning, not an
	// error). When nil, it is worked out per sum: half a unit of the last
	// decimal place for each figure added and for the total itself.
	Tolerance *amount.Amount
	// IndicatorWeights is what the weights of a performance-target table
	// add up to; 0 means the check is off.
	IndicatorWeights int
	// Template is the id of the table set department files follow unless
	// they name another (TemplateNational by default).
	Template string
	// TemplatePos is where site.yaml names the template.
	TemplatePos diag.Pos
	// Archive and Deploy are the default destinations of the archive and
	// deploy commands (file://DIR or s3://bucket/prefix?…); empty when
	// site.yaml names none.
	Archive, Deploy string
}

// Portal is the identity of the government website the budgets are
// published on, as its page-labelling meta tags state it.
type Portal struct {
	SiteName   Text
	SiteDomain string
	SiteIDCode string
	ColumnName Text
	ColumnType string
}
