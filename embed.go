// Package budgetpress holds what the budgetpress binary carries with it:
// the default theme in layouts/, used for every file a site does not
// override in its own layouts/ folder.
package budgetpress

import "embed"

// DefaultLayouts is the default theme: page templates (*.html),
// translation files (i18n/*.yaml) and static assets (assets/*), under
// the folder "layouts".
//
//go:embed layouts
var DefaultLayouts embed.FS
