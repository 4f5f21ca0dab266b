package model

import (
	"fmt"
	"time"

	"budgetpress/internal/diag"
)

// Date is a calendar date as written in a file (2024-02-23).
type Date struct {
	Y, M, D int
	Pos     diag.Pos
}

// ParseDate reads YYYY-MM-DD and checks that the day exists.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, like 2024-02-23", s)
	}
	return Date{Y: t.Year(), M: int(t.Month()), D: t.Day()}, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Y == 0 }

// String returns YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D) }
