package model

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/diag"
)

// Settings is the configuration in site.yaml.
type Settings struct {
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
// published on, as its page-labelling meta tags state it, and the
// particulars that the header and footer of an official website show.
// Every one of the latter is optional: one left out is not shown.
type Portal struct {
	SiteName   Text
	SiteDomain string
	SiteIDCode string
	ColumnName Text
	ColumnType string
	// URL is the address of the portal's home page, linked under
	// SiteName at the top of every page.
	URL string
	// Organizer is the 主办单位 that runs the website.
	Organizer Text
	// ICP is the ICP备案号 (新ICP备05000000号), linked to the MIIT
	// register; Police the 公安备案号 (新公网安备 65230102000000号),
	// linked to the register of the Ministry of Public Security.
	ICP, Police string
	// Contact says how to reach the website's staff (a phone number, an
	// address).
	Contact Text
	// Correction is the address of the 纠错 (report an error) page, such
	// as that of the national government-website error platform.
	Correction string
	// Mark is the address the 党政机关网站 mark links to (its
	// registration page), when the website has the mark.
	Mark string
}
