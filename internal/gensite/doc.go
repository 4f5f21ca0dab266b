// Package gensite writes benchmark sites: many departments over many
// years, each drawn from a department of the corpus (testdata/corpus/)
// under a fictional place, with its figures scaled so that every table
// still adds up exactly, and the same site for the same seed.
package gensite
