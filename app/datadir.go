package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// DATA_DIR is shared by the running bot and the commands an operator runs
// beside it, possibly as another user. The rules, which README's "Running
// the bot" documents:
//
//   - The running bot holds DATA_DIR/disputebot.lock (an exclusive flock) for
//     as long as it runs, so a second bot on the same DATA_DIR refuses to
//     start. A command that changes the corpus or the index holds it while
//     it works when no bot runs.
//   - While the bot runs, commands change the corpus files only (atomically)
//     and build a rebuilt index beside the one in use; the bot picks both up
//     when it next refreshes (see Service.Watch). Commands that only read
//     open nothing for writing: they answer from a private copy of the
//     current index (snapshot.go).
//   - Every file in DATA_DIR is written by the user who owns DATA_DIR: a
//     command run as root switches to that user before writing, and one
//     run as any other user refuses to write, saying why.

// lockName is the lock file of DATA_DIR.
const lockName = "disputebot.lock"

// runRole is what the running bot writes in the lock file, by which the
// other processes tell it from a command that will soon be done.
const runRole = "disputebot run"

// errBusy is returned by lockDataDir when another process holds DATA_DIR.
var errBusy = errors.New("DATA_DIR is in use by another disputebot process")

// dirLock is a held lock on DATA_DIR.
type dirLock struct{ f *os.File }

// lockDataDir takes the lock of dir, which must exist, waiting at most
// wait for another process to release it, and records role and the pid in
// the lock file for the messages of the processes it keeps out.
func lockDataDir(dir, role string, wait time.Duration) (*dirLock, error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if errors.Is(err, fs.ErrPermission) {
		// flock works on a file opened for reading too.
		f, err = os.Open(path)
	}
	if err != nil {
		return nil, permissionError(fmt.Errorf("lock DATA_DIR: %w", err), path)
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock DATA_DIR: %w", err)
		}
		if time.Now().After(deadline) {
			holder := lockHolder(f)
			f.Close()
			if holder != "" {
				return nil, fmt.Errorf("%w (%s)", errBusy, holder)
			}
			return nil, errBusy
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "%s, pid %d, since %s\n", role, os.Getpid(), time.Now().UTC().Format(time.RFC3339))
	}
	return &dirLock{f}, nil
}

// lockHolder reads who holds the lock, as its holder wrote it.
func lockHolder(f *os.File) string {
	buf := make([]byte, 200)
	n, _ := f.ReadAt(buf, 0)
	return strings.TrimSpace(string(buf[:n]))
}

// holdsRun reports whether err is errBusy because a running bot holds the
// lock, rather than a command that will soon be done.
func holdsRun(err error) bool {
	return errors.Is(err, errBusy) && strings.Contains(err.Error(), "("+runRole+",")
}

// Unlock releases the lock.
func (l *dirLock) Unlock() {
	if l != nil {
		l.f.Close()
	}
}

// SetupError is a mistake in how DATA_DIR is set up that only a person can
// fix, so that restarting the process cannot help: DATA_DIR is a file, it
// belongs to another user, or the running bot may not use its files. Its
// message says what to do. cmd/disputebot exits with EX_CONFIG on it,
// which tells a supervisor not to restart the bot.
type SetupError struct {
	msg string
	err error // what it explains, if anything: fs.ErrPermission for another user's DATA_DIR
}

func (e *SetupError) Error() string { return e.msg }

// Unwrap returns the error the SetupError explains, or nil.
func (e *SetupError) Unwrap() error { return e.err }

// checkDataDir checks that DATA_DIR is a directory, or missing (it is
// created then), naming DATA_DIR in the error.
func checkDataDir(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case errors.Is(err, syscall.ENOTDIR):
		return &SetupError{msg: fmt.Sprintf("DATA_DIR: %s is inside a file, not a directory; point DATA_DIR at a directory "+
			"(it is created if missing)", dir)}
	case err != nil:
		return permissionError(fmt.Errorf("DATA_DIR: %w", err), dir)
	case !st.IsDir():
		return &SetupError{msg: fmt.Sprintf("DATA_DIR: %s is a file, not a directory; point DATA_DIR at a directory "+
			"(it is created if missing)", dir)}
	}
	return nil
}

// owner is the user who owns DATA_DIR, or of the directory it will be
// created in.
type owner struct {
	uid, gid int
	perm     fs.FileMode
	dir      string // the directory it was read from
}

func dataDirOwner(dir string) (owner, error) {
	for d := dir; ; d = filepath.Dir(d) {
		st, err := os.Stat(d)
		if err == nil {
			sys, ok := st.Sys().(*syscall.Stat_t)
			if !ok {
				return owner{uid: os.Geteuid(), gid: os.Getegid(), perm: 0o755, dir: d}, nil
			}
			return owner{uid: int(sys.Uid), gid: int(sys.Gid), perm: st.Mode().Perm(), dir: d}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			return owner{}, permissionError(fmt.Errorf("DATA_DIR: %w", err), d)
		}
	}
}

// userName names a uid for messages: "disputebot (uid 999)".
func userName(uid int) string {
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
		return fmt.Sprintf("%s (uid %d)", u.Username, uid)
	}
	return fmt.Sprintf("uid %d", uid)
}

// permError is a permission error told in words: its message says all,
// and it wraps the error it explains, for errors.Is.
type permError struct {
	msg string
	err error
}

func (e *permError) Error() string { return e.msg }
func (e *permError) Unwrap() error { return e.err }

// actAsOwner makes this process write as the owner of DATA_DIR, so that
// the bot, which runs as that user, can read and change everything a
// command writes. Run as root, the process becomes that user (its uid,
// gid and no other groups, and a umask that gives new files the access of
// DATA_DIR): for good, which is fine for a process that is about to write
// there and exit. Run as another user, it refuses with a *SetupError
// (matching fs.ErrPermission), saying as whom to run the command.
func actAsOwner(dir string, command string) error {
	o, err := dataDirOwner(dir)
	if err != nil {
		return err
	}
	euid := os.Geteuid()
	if euid == o.uid {
		return nil
	}
	if euid != 0 {
		return &SetupError{msg: fmt.Sprintf("permission denied: %s belongs to %s, and you are %s; files you wrote "+
			"there would not be the bot's to read and change, so run this as that user (sudo -u %s disputebot %s)",
			o.dir, userName(o.uid), userName(euid), ownerLogin(o.uid), command), err: fs.ErrPermission}
	}
	if err := syscall.Setgroups([]int{}); err != nil {
		return fmt.Errorf("become the owner of DATA_DIR: %w", err)
	}
	if err := syscall.Setgid(o.gid); err != nil {
		return fmt.Errorf("become the owner of DATA_DIR: %w", err)
	}
	if err := syscall.Setuid(o.uid); err != nil {
		return fmt.Errorf("become the owner of DATA_DIR: %w", err)
	}
	syscall.Umask(int(0o777 &^ o.perm))
	return nil
}

// ownerLogin is the login name of uid for a command line, or #uid.
func ownerLogin(uid int) string {
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
		return u.Username
	}
	return "#" + strconv.Itoa(uid)
}

// permissionError rewords err when it is a permission error: it says so
// first, and who owns path, so that it reads as what it is rather than as
// a missing or broken file.
func permissionError(err error, path string) error {
	if !errors.Is(err, fs.ErrPermission) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path = pe.Path
	}
	who := ""
	if st, serr := os.Stat(path); serr == nil {
		if sys, ok := st.Sys().(*syscall.Stat_t); ok {
			who = fmt.Sprintf(" (owned by %s, mode %v)", userName(int(sys.Uid)), st.Mode().Perm())
		}
	}
	return &permError{fmt.Sprintf("permission denied: %s%s may not be used by %s; give DATA_DIR and everything "+
		"in it to the user the bot runs as (chown -R)", path, who, userName(os.Geteuid())), err}
}

// findUnreadable returns the first file or directory under dir that this
// process may not read, or "".
func findUnreadable(dir string) string {
	bad := ""
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				bad = path
				return filepath.SkipAll
			}
			return nil
		}
		if !d.IsDir() {
			f, err := os.Open(path)
			if errors.Is(err, fs.ErrPermission) {
				bad = path
				return filepath.SkipAll
			}
			if err == nil {
				f.Close()
			}
		}
		return nil
	})
	return bad
}
