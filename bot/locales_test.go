package bot

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// TestLocalizations: every command, subcommand and option has a Korean and
// a Japanese name and description within Discord's rules (a name of 1 to
// 32 letters, digits, dashes or underscores, lowercase where the script
// has case; a description of 1 to 100 characters), and names are unique
// among their siblings in each locale, as Discord requires.
func TestLocalizations(t *testing.T) {
	nameRule := regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)
	check := func(path string, names, descs map[discordgo.Locale]string, siblings map[discordgo.Locale]map[string]bool) {
		for _, loc := range []discordgo.Locale{discordgo.Korean, discordgo.Japanese} {
			n, d := names[loc], descs[loc]
			if !nameRule.MatchString(n) || n != strings.ToLower(n) {
				t.Errorf("%s: %s name %q breaks Discord's rule", path, loc, n)
			}
			if c := utf8.RuneCountInString(d); c < 1 || c > 100 {
				t.Errorf("%s: %s description of %d characters", path, loc, c)
			}
			if siblings[loc] == nil {
				siblings[loc] = map[string]bool{}
			}
			if siblings[loc][n] {
				t.Errorf("%s: %s name %q twice among siblings", path, loc, n)
			}
			siblings[loc][n] = true
		}
	}
	var walk func(path string, opts []*discordgo.ApplicationCommandOption)
	walk = func(path string, opts []*discordgo.ApplicationCommandOption) {
		siblings := map[discordgo.Locale]map[string]bool{}
		for _, o := range opts {
			check(path+"/"+o.Name, o.NameLocalizations, o.DescriptionLocalizations, siblings)
			walk(path+"/"+o.Name, o.Options)
		}
	}
	top := map[discordgo.Locale]map[string]bool{}
	for _, c := range Commands() {
		if c.NameLocalizations == nil || c.DescriptionLocalizations == nil {
			t.Errorf("/%s has no localizations", c.Name)
			continue
		}
		check("/"+c.Name, *c.NameLocalizations, *c.DescriptionLocalizations, top)
		walk("/"+c.Name, c.Options)
	}
}
