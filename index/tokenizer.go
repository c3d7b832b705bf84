package index

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// asciiTokenizer is the Unicode tokenizer (Unicode's word boundaries,
// UAX #29, as package segment implements them), with the stretches of
// text in ASCII read by hand: reading candidates' text again for every
// question was the largest share of a question's time, and most of it
// went to the general machine deciding, byte by byte, what ASCII letters,
// digits and punctuation do. The tokens are the same, term, offsets,
// position and type, whatever the text: TestASCIITokenizerIsUnicode and
// FuzzASCIITokenizer compare the two.
//
// Words break at ASCII white space whatever stands around it, so the text
// is read in stretches between spaces: those in ASCII by hand, the others
// by the Unicode tokenizer, each stretch of them as one text. A combining
// mark or other format character right after a space belongs to the
// space, which a stretch read alone would not know: text with one is
// read whole by the Unicode tokenizer, as is text that is not UTF-8.
type asciiTokenizer struct{ unicode analysis.Tokenizer }

func (t asciiTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if !utf8.Valid(input) {
		// The Unicode tokenizer stops at a byte that is no UTF-8.
		return t.unicode.Tokenize(input)
	}
	out := make(analysis.TokenStream, 0, len(input)/6+1)
	var arena []analysis.Token // tokens are allocated in blocks, as the Unicode tokenizer's are
	pos := 1
	for i := 0; i < len(input); {
		if isASCIISpace(input[i]) {
			i++
			continue
		}
		// A stretch: up to the next ASCII space, and, when it holds
		// other than ASCII, on through the stretches after it that do too.
		end, ascii := stretch(input, i)
		if ascii {
			n := len(out)
			out, arena = asciiWords(out, arena, input, i, end)
			for _, tok := range out[n:] {
				tok.Position = pos
				pos++
			}
			i = end
			continue
		}
		if joinsSpace(input[i:]) {
			return t.unicode.Tokenize(input)
		}
		for end < len(input) {
			next := end
			for next < len(input) && isASCIISpace(input[next]) {
				next++
			}
			if next == len(input) {
				break
			}
			e, a := stretch(input, next)
			if a {
				break
			}
			if joinsSpace(input[next:]) {
				return t.unicode.Tokenize(input)
			}
			end = e
		}
		for _, tok := range t.unicode.Tokenize(input[i:end]) {
			tok.Start += i
			tok.End += i
			tok.Position = pos
			pos++
			out = append(out, tok)
		}
		i = end
	}
	return out
}

// joinsSpace reports whether text begins with a combining mark or a
// format character (the zero-width joiner among them), which belongs to
// the space before it.
func joinsSpace(text []byte) bool {
	r, _ := utf8.DecodeRune(text)
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf)
}

// isASCIISpace reports whether b is ASCII white space.
func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\v' || b == '\f'
}

// stretch returns where the stretch of text starting at i ends (the next
// ASCII space or the end) and whether it is all ASCII.
func stretch(input []byte, i int) (end int, ascii bool) {
	ascii = true
	for end = i; end < len(input) && !isASCIISpace(input[end]); end++ {
		if input[end] >= utf8.RuneSelf {
			ascii = false
		}
	}
	return end, ascii
}

// Word-break classes of ASCII characters (UAX #29).
const (
	wbOther = iota
	wbLetter
	wbDigit
	wbExtendNumLet // _
	wbMidLetter    // :
	wbMidNumLet    // . and '
	wbMidNum       // , and ;
)

// wbClass gives each ASCII byte its word-break class.
var wbClass = func() (c [utf8.RuneSelf]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-'a'+'A'] = wbLetter, wbLetter
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = wbDigit
	}
	c['_'], c[':'], c['.'], c['\''], c[','], c[';'] = wbExtendNumLet, wbMidLetter, wbMidNumLet, wbMidNumLet, wbMidNum, wbMidNum
	return c
}()

// asciiWords appends the words of input[start:end], all ASCII, to out,
// taking their tokens from arena: runs of letters, digits and
// underscores, which a full stop, an apostrophe or a colon joins between
// letters ("U.S", "don't") and a full stop, an apostrophe, a comma or a
// semicolon between digits ("1,200", "3.5").
func asciiWords(out analysis.TokenStream, arena []analysis.Token, input []byte, start, end int) (analysis.TokenStream, []analysis.Token) {
	for i := start; i < end; {
		if c := wbClass[input[i]]; c != wbLetter && c != wbDigit && c != wbExtendNumLet {
			i++
			continue
		}
		j := i
		letters, digits := false, false
		for {
			c := wbClass[input[j]]
			letters = letters || c == wbLetter
			digits = digits || c == wbDigit
			if j+1 == end {
				break
			}
			d := wbClass[input[j+1]]
			if d == wbLetter || d == wbDigit || d == wbExtendNumLet {
				j++
				continue
			}
			if j+2 < end {
				e := wbClass[input[j+2]]
				if c == wbLetter && e == wbLetter && (d == wbMidLetter || d == wbMidNumLet) ||
					c == wbDigit && e == wbDigit && (d == wbMidNum || d == wbMidNumLet) {
					j += 2
					continue
				}
			}
			break
		}
		typ := analysis.AlphaNumeric
		if !letters && digits {
			typ = analysis.Numeric
		}
		if len(arena) == cap(arena) {
			arena = make([]analysis.Token, 0, max(16, (len(input)-i)/6))
		}
		arena = append(arena, analysis.Token{Term: input[i : j+1], Start: i, End: j + 1, Type: typ})
		out = append(out, &arena[len(arena)-1])
		i = j + 1
	}
	return out, arena
}
