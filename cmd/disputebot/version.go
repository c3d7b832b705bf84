package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// cmdVersion prints the version of the binary, from what the Go toolchain
// recorded in it: the module version (v1.2.3 for `go install ...@v1.2.3`,
// "(devel)" for a build from a work tree) and the VCS revision, time and
// whether the work tree had changes, which `go build` stamps from git. An
// operator reports these with a bug, and an upgrade can be checked by them.
func cmdVersion(ctx context.Context, m *Main, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintln(m.stdout, versionLine())
	return nil
}

// versionLine is one line such as
// "disputebot v1.2.0 (revision 0123456789ab, 2026-11-01T10:00:00Z) go1.26.8 linux/amd64".
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "disputebot (no build information) " + runtime.Version()
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var vcs []string
	if rev != "" {
		r := "revision " + rev
		if modified {
			r += " with local changes"
		}
		vcs = append(vcs, r)
	}
	if when != "" {
		vcs = append(vcs, when)
	}
	line := "disputebot " + version
	if len(vcs) > 0 {
		line += " (" + strings.Join(vcs, ", ") + ")"
	}
	return line + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}
