package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/disputebot/disputebot/app"
)

// cmdBackup writes a consistent archive of what DATA_DIR holds that cannot
// be rebuilt (see app.Backup), while the bot may run: to FILE, atomically,
// or to standard output for "-".
func cmdBackup(ctx context.Context, m *Main, args []string) error {
	if len(args) != 1 {
		return usagef("usage: disputebot backup FILE (or - for standard output)")
	}
	if err := m.configure(); err != nil {
		return err
	}
	dir := m.config.DataDir
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return settingError(m.env, "DATA_DIR", "is not a directory to back up")
	}
	version := buildInfoVersion()
	if args[0] == "-" {
		_, err := app.Backup(dir, m.stdout, version)
		return err
	}
	file := args[0]
	f, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".tmp-")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(f.Name()) // no-op after the rename
	info, err := app.Backup(dir, f, version)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), file)
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(m.stdout, "Backed up %d files (%d KB) of %s to %s.\n", info.Files, (info.Bytes+1023)/1024, dir, file)
	return nil
}

// cmdRestore unpacks a backup into an empty DATA_DIR and rebuilds the
// index from the corpus it restored.
func cmdRestore(ctx context.Context, m *Main, args []string) error {
	if len(args) != 1 {
		return usagef("usage: disputebot restore FILE (or - for standard input)")
	}
	var in io.Reader = os.Stdin
	if args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return usagef("cannot read the backup: %v", err)
		}
		defer f.Close()
		in = f
	}
	// Opening to change the corpus takes DATA_DIR (creating it) as its
	// owner, as every command that writes there does.
	if _, err := m.open(ctx, app.Change, "restore"); err != nil {
		return err
	}
	info, err := app.Restore(m.config.DataDir, in)
	if err != nil {
		return err
	}
	// The corpus on disk is new: open it again to rebuild the index.
	if err := m.Close(); err != nil {
		return err
	}
	svc, err := m.open(ctx, app.Change, "restore")
	if err != nil {
		return err
	}
	r, err := svc.Rebuild(ctx)
	if err != nil {
		return fmt.Errorf("restored %d files, but rebuilding the index failed (run disputebot index rebuild): %w", info.Files, err)
	}
	fmt.Fprintf(m.stdout, "Restored %d files from a backup of %s; rebuilt the index: %d articles, %d passages.\n",
		info.Files, info.Created.Format("2006-01-02 15:04 UTC"), r.Articles, r.Passages)
	return nil
}

// buildInfoVersion is the module version of this binary, as `disputebot
// version` prints it, recorded in a backup's manifest.
func buildInfoVersion() string {
	if f := strings.Fields(versionLine()); len(f) > 1 {
		return f[1]
	}
	return ""
}
