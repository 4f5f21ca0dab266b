package stale

import (
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// TestIs: a leftover is stale when its process has gone or it is very
// old; one of a running process (this one, or another) is kept.
func TestIs(t *testing.T) {
	now := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	base := ".public.build-"
	dead := strconv.Itoa(deadPID(t))
	self := strconv.Itoa(os.Getpid())
	tests := []struct {
		name string
		age  time.Duration
		want bool
	}{
		{base + dead + "-123456", time.Minute, true},
		{base + dead + "-123456.old", time.Minute, true},
		{base + self + "-123456", time.Minute, false},
		{base + self + "-123456.old", time.Minute, false},
		{base + self + "-123456", MaxAge + time.Minute, true},
		{base + "123456789", time.Minute, false},          // an older budgetpress's, young
		{base + "123456789", NoIDAge + time.Minute, true}, // an older budgetpress's, old
		{base + "123456789.old", NoIDAge + time.Minute, true},
		{".public.other-" + dead + "-1", time.Minute, false},
		{"public", MaxAge * 10, false},
	}
	for _, tt := range tests {
		if got := Is(tt.name, base, now.Add(-tt.age), now); got != tt.want {
			t.Errorf("Is(%q, age %s) = %v, want %v", tt.name, tt.age, got, tt.want)
		}
	}
	if got := Prefix(base); got != base+self+"-" {
		t.Errorf("Prefix = %q", got)
	}
}
