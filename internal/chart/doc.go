// Package chart turns department-years into the ECharts options of the
// site's figures, in one language: the figures of a department page
// (income by source, expenditure by function, basic and project
// expenditure, the comparison with the prior year, the “three public
// expenses”) and those of the home page (departments compared, each
// department across the years).
//
// The options are built with go-echarts and handed out as JSON only;
// its HTML renderers are never used (see Chart.Option). Every label,
// tooltip and sentence is written here, in the page's language and
// unit, so the browser only draws: the site script layouts/assets/charts.js
// reads the JSON and calls the vendored ECharts.
package chart
