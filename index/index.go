package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/disputebot/disputebot/knowledge"
)

// GCPercent is the garbage collector's target that a process holding an
// index should run with (debug.SetGCPercent), unless its operator sets
// GOGC: 75 rather than Go's 100 keeps the heap some 10 MB smaller with a
// 100,000-passage index open, at no cost in answer time that the
// benchmarks can measure (README, Performance).
const GCPercent = 75

// MappingVersion changes whenever the mapping, the analysis, the way
// articles are cut into passages or the way passages are tagged with
// topics changes; an index built with another version is rebuilt from
// the corpus.
const MappingVersion = "disputebot-40"

// analyzerName is the analysis of English text (see languages.go for the
// others): Unicode words, possessives dropped, lowercased, written the
// American way, English stop words removed, Snowball stemming.
const analyzerName = "en_snowball"

// Field names in the index.
const (
	// fieldText is the passage as it is shown (stored, not indexed); it
	// is searched in the body field of its language.
	fieldText    = "text"
	fieldBody    = "body"
	fieldBodyKo  = "body_ko"
	fieldBodyJa  = "body_ja"
	fieldTitle   = "title" // stored, and searched as English
	fieldTitleKo = "title_ko"
	fieldTitleJa = "title_ja"
	fieldLang    = "lang" // the language the passage is searched in
	// fieldContext is what surrounds a passage in its article: its
	// dateline, captions and what the neighbouring passages say, as the
	// distinct analyzed terms (stored, not indexed). A passage that speaks
	// of "the two ministers" is found by their names there.
	fieldContext = "context"
	// fieldAcronyms holds the initials of the names a passage writes
	// out, each with its name ("icj International Court of Justice"):
	// indexed whole, not stored (see acronym.go).
	fieldAcronyms = "acronyms"
	// fieldAliases holds the pairs of names a passage gives to one thing
	// ("dokdo\x1ftakeshima"): indexed whole, not stored (see acronym.go).
	fieldAliases = "aliases"
	// fieldKatakana holds the words a Japanese passage writes in
	// katakana (ウェブトゥーン, ピッコマ), indexed whole, not stored: the
	// Japanese body is indexed in pairs of characters, from which the
	// borrowed words an English or Korean question names by their sound
	// cannot be listed (see katakanaLoanwords).
	fieldKatakana  = "katakana"
	fieldArticleID = "article_id"
	fieldPassage   = "passage"
	fieldKind      = "kind"
	fieldTopics    = "topics"
	fieldScope     = "scope"
	fieldPublisher = "publisher"
	fieldURL       = "url"
	fieldPublished = "published"
)

// storedFields are loaded with every hit, so that a hit can be shown without
// going back to the corpus.
var storedFields = []string{
	fieldText, fieldTitle, fieldContext, fieldLang, fieldArticleID, fieldPassage, fieldKind, fieldTopics, fieldScope,
	fieldPublisher, fieldURL, fieldPublished,
}

// Internal keys stored with the index.
const (
	keyVersion  = "mapping_version"
	keyManifest = "manifest"
)

// defaultBatchSize is the number of passages per bleve batch: big enough
// for throughput (gains flatten above ~100), small enough to bound memory.
const defaultBatchSize = 1000

// minBatchSize is the smallest batch a build is cut into.
const minBatchSize = 100

// buildBatchSize is the batch size of a build of articles into an empty
// index: the batch size, but a small build is cut into a few batches too,
// so that two can be in flight. Each paragraph makes about one passage.
func (idx *Index) buildBatchSize(articles []*knowledge.Article) int {
	paragraphs := 0
	for _, a := range articles {
		paragraphs += len(a.Body)
	}
	return min(idx.batchSize, max(minBatchSize, paragraphs/4))
}

// ErrInUse is returned by Open when another process holds the index, such as
// a running bot while the CLI asks a question.
var ErrInUse = errors.New("the index is in use by another disputebot process")

// Options tune an index.
type Options struct {
	Glossary *knowledge.Glossary // nil means knowledge.DefaultGlossary()
	Logger   *slog.Logger        // nil means slog.Default()
	// SearchTimeout bounds one search; 0 means 2 s.
	SearchTimeout time.Duration
	// LockTimeout is how long Open waits for another process to release
	// the index; 0 means 3 s.
	LockTimeout time.Duration
	// TuneGC lets a large build (over 100 articles at once) collect
	// garbage less often, which saves about a sixth of its CPU time: Go's
	// GC percent is 1000 during the build, and the heap is held under a
	// soft limit of 768 MiB unless GOMEMLIMIT set one. Both are settings of
	// the whole process, so only a program that owns its process should
	// turn this on (cmd/disputebot does); off, builds leave them alone.
	TuneGC bool

	// BatchSize is the number of passages per bleve batch; 0 means 1000.
	// Tests set it small to write many batches quickly.
	BatchSize int
	// StaleAfter is the age from which a generation that is not current is
	// taken for the leftover of a crashed or replaced build and removed by
	// Open; 0 means 10 minutes. Younger ones are kept, since another
	// process may be building one (see Build).
	StaleAfter time.Duration
}

// withDefaults fills in the options left zero.
func (o Options) withDefaults() Options {
	if o.Glossary == nil {
		o.Glossary = knowledge.DefaultGlossary()
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.SearchTimeout <= 0 {
		o.SearchTimeout = 2 * time.Second
	}
	if o.LockTimeout <= 0 {
		o.LockTimeout = 3 * time.Second
	}
	if o.BatchSize <= 0 {
		o.BatchSize = defaultBatchSize
	}
	if o.StaleAfter <= 0 {
		o.StaleAfter = 10 * time.Minute
	}
	return o
}

// Index is an on-disk bleve index of passages, kept in step with the corpus.
// It is safe for concurrent use.
type Index struct {
	dir         string // DATA_DIR/index: holds generations and CURRENT
	glossary    *knowledge.Glossary
	log         *slog.Logger
	timeout     time.Duration
	lockTimeout time.Duration
	tuneGC      bool                            // see Options.TuneGC
	batchSize   int                             // passages per batch
	staleAfter  time.Duration                   // see Options.StaleAfter
	analyzers   map[string]analysis.Analyzer    // by language, with remembered stems (see withStemCache)
	languages   atomic.Pointer[map[string]bool] // the languages other than English the current index holds
	ranking     ranking                         // the weights of retrieval (see ranking)
	compacting  sync.WaitGroup                  // merges of segments in the background (see compact)
	counts      docCounts                       // of terms, for analysis (see docCounts)
	cache       passageCache                    // candidates analyzed (see passageCache)
	titlesMu    sync.Mutex
	titles      map[string]analyzedField       // titles analyzed (see titleField)
	lengths     atomic.Pointer[fieldLengths]   // mean field lengths of the current index
	passageNums atomic.Pointer[map[string]int] // passages by article of the current index, for Status

	// mu serializes writers. swap guards cur against a rebuild: searches
	// hold it for reading, and a rebuild takes it only to swap in the new
	// index, so questions are answered throughout.
	mu       sync.Mutex
	swap     sync.RWMutex
	cur      bleve.Index
	curDir   string
	manifest manifest
}

// manifest records what the index holds: for each article, the hash of the
// article as indexed and its number of passages. It is written in the same
// batch as the passages, so it never disagrees with them.
type manifest map[string]manifestEntry

type manifestEntry struct {
	Hash     string `json:"h"`
	Passages int    `json:"n"`
	// Words are the words of the article's passages in each searched
	// field, for the mean lengths that BM25 normalizes by.
	Words [numFields]int `json:"w"`
	// Lang is the language its passages are searched in, "" for English.
	Lang string `json:"l,omitempty"`
}

// passages is the number of passages the manifest lists.
func (m manifest) passages() uint64 {
	var n uint64
	for _, e := range m {
		n += uint64(e.Passages)
	}
	return n
}

// setStats records what searches need to know of the current index's
// manifest: its fields' mean lengths and its languages.
func (idx *Index) setStats(man manifest) {
	idx.lengths.Store(man.lengths())
	nums := make(map[string]int, len(man))
	for id, e := range man {
		nums[id] = e.Passages
	}
	idx.passageNums.Store(&nums)
	langs := map[string]bool{}
	for _, e := range man {
		if e.Lang != "" {
			langs[e.Lang] = true
		}
	}
	idx.languages.Store(&langs)
}

// hasLanguage reports whether the current index holds passages in a
// language other than English.
func (idx *Index) hasLanguage(l string) bool {
	if m := idx.languages.Load(); m != nil {
		return (*m)[l]
	}
	return false
}

// lengths returns the mean length of each searched field.
func (m manifest) lengths() *fieldLengths {
	var sum fieldLengths
	var n float64
	for _, e := range m {
		for i, w := range e.Words {
			sum[i] += float64(w)
		}
		n += float64(e.Passages)
	}
	for i := range sum {
		sum[i] /= max(1, n)
	}
	return &sum
}

// avgLengths returns the mean length of each searched field in the
// current index.
func (idx *Index) avgLengths() fieldLengths {
	if l := idx.lengths.Load(); l != nil {
		return *l
	}
	return fieldLengths{}
}

// newMapping is the static mapping: English analysis with BM25, stored
// text for the fields that are shown and reranked, keywords for filters,
// and nothing in _all.
func newMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	if err := addAnalyzers(m); err != nil {
		panic("index: define analyzers: " + err.Error())
	}
	m.DefaultAnalyzer = analyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	text := func(analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = false // the ranking analyzes the candidates itself
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	keyword := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false // nothing sorts or facets by them
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := bleve.NewNumericFieldMapping()
	num.IncludeInAll = false
	num.Index = false
	num.DocValues = false
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	date.DocValues = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldText, stored())
	for _, l := range corpusLanguages {
		dm.AddFieldMappingsAt(bodyFields[l], text(analyzerOf[l], false))
		dm.AddFieldMappingsAt(titleFields[l], text(analyzerOf[l], l == knowledge.English))
	}
	dm.AddFieldMappingsAt(fieldLang, keyword(true))
	dm.AddFieldMappingsAt(fieldContext, stored())
	dm.AddFieldMappingsAt(fieldAcronyms, keyword(false))
	dm.AddFieldMappingsAt(fieldAliases, keyword(false))
	dm.AddFieldMappingsAt(fieldKatakana, keyword(false))
	dm.AddFieldMappingsAt(fieldArticleID, keyword(true))
	dm.AddFieldMappingsAt(fieldPassage, num)
	dm.AddFieldMappingsAt(fieldKind, keyword(true))
	dm.AddFieldMappingsAt(fieldTopics, keyword(true))
	dm.AddFieldMappingsAt(fieldScope, keyword(true))
	dm.AddFieldMappingsAt(fieldPublisher, stored())
	dm.AddFieldMappingsAt(fieldURL, stored())
	dm.AddFieldMappingsAt(fieldPublished, date)
	m.DefaultMapping = dm
	return m
}

// passageDoc is the bleve document of one passage.
type passageDoc struct {
	Text      string    `json:"text"`
	Body      string    `json:"body,omitempty"`
	BodyKo    string    `json:"body_ko,omitempty"`
	BodyJa    string    `json:"body_ja,omitempty"`
	Title     string    `json:"title"`
	TitleKo   string    `json:"title_ko,omitempty"`
	TitleJa   string    `json:"title_ja,omitempty"`
	Lang      string    `json:"lang"`
	Context   string    `json:"context"`
	Acronyms  []string  `json:"acronyms,omitempty"`
	Aliases   []string  `json:"aliases,omitempty"`
	Katakana  []string  `json:"katakana,omitempty"`
	ArticleID string    `json:"article_id"`
	Passage   int       `json:"passage"`
	Kind      string    `json:"kind"`
	Topics    []string  `json:"topics"`
	Scope     string    `json:"scope"`
	Publisher string    `json:"publisher"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
}

// Open opens the index in dir (DATA_DIR/index), creating an empty one when
// there is none. An index that cannot be opened, or was built with another
// mapping version, is replaced by an empty one: call Sync to fill it.
func Open(dir string, opts Options) (*Index, error) {
	idx := newIndex(dir, opts)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index directory: %w", err)
	}
	cur, curDir, man, err := idx.openCurrent()
	if errors.Is(err, ErrInUse) {
		return nil, err // another process has it open: it must not be replaced
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			idx.log.Info("creating a new index", "dir", dir)
		} else {
			idx.log.Warn("index unusable, starting a new one", "dir", dir, "err", err)
		}
		if cur, curDir, err = idx.newGeneration(); err != nil {
			return nil, err
		}
		man = manifest{}
		broken, _ := os.ReadFile(filepath.Join(dir, "CURRENT"))
		if err := idx.setCurrent(curDir); err != nil {
			cur.Close()
			return nil, err
		}
		// The generation that could not be used goes now, whatever its age.
		if name := strings.TrimSpace(string(broken)); strings.HasPrefix(name, "gen-") && !strings.ContainsAny(name, `/\`) {
			os.RemoveAll(filepath.Join(dir, name))
		}
	}
	idx.cur, idx.curDir, idx.manifest = cur, curDir, man
	idx.setStats(man)
	idx.analyzers = map[string]analysis.Analyzer{}
	for _, l := range corpusLanguages {
		a := cur.Mapping().AnalyzerNamed(analyzerOf[l])
		if a == nil {
			cur.Close()
			return nil, fmt.Errorf("index: analyzer %s not registered", analyzerOf[l])
		}
		idx.analyzers[l] = withStemCache(a)
	}
	idx.removeStale()
	return idx, nil
}

// newIndex is an Index of dir with opts, not yet open.
func newIndex(dir string, opts Options) *Index {
	opts = opts.withDefaults()
	return &Index{
		dir: dir, glossary: opts.Glossary, log: opts.Logger, timeout: opts.SearchTimeout, lockTimeout: opts.LockTimeout,
		tuneGC: opts.TuneGC, batchSize: opts.BatchSize, staleAfter: opts.StaleAfter, ranking: defaultRanking,
	}
}

// openCurrent opens the generation named by the CURRENT file and checks its
// mapping version and manifest.
func (idx *Index) openCurrent() (bleve.Index, string, manifest, error) {
	name, err := os.ReadFile(filepath.Join(idx.dir, "CURRENT"))
	if err != nil {
		return nil, "", nil, fmt.Errorf("read CURRENT: %w", err)
	}
	gen := strings.TrimSpace(string(name))
	if gen == "" || strings.ContainsAny(gen, `/\`) || gen == "." || gen == ".." {
		return nil, "", nil, fmt.Errorf("CURRENT names %q", gen)
	}
	dir := filepath.Join(idx.dir, gen)
	b, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": idx.lockTimeout.String()})
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, "", nil, fmt.Errorf("%s: %w", idx.dir, ErrInUse)
		}
		return nil, "", nil, fmt.Errorf("open %s: %w", dir, err)
	}
	v, err := b.GetInternal([]byte(keyVersion))
	if err != nil || string(v) != MappingVersion {
		b.Close()
		return nil, "", nil, fmt.Errorf("index built with mapping %q, want %q", v, MappingVersion)
	}
	raw, err := b.GetInternal([]byte(keyManifest))
	if err != nil {
		b.Close()
		return nil, "", nil, fmt.Errorf("read manifest: %w", err)
	}
	man := manifest{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &man); err != nil {
			b.Close()
			return nil, "", nil, fmt.Errorf("decode manifest: %w", err)
		}
	}
	return b, dir, man, nil
}

// newGeneration creates an empty index in a fresh directory beside the
// current one.
func (idx *Index) newGeneration() (bleve.Index, string, error) {
	dir, err := os.MkdirTemp(idx.dir, "gen-")
	if err != nil {
		return nil, "", fmt.Errorf("create index generation: %w", err)
	}
	if err := os.Remove(dir); err != nil { // bleve wants to create it itself
		return nil, "", fmt.Errorf("create index generation: %w", err)
	}
	b, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, "", fmt.Errorf("create index: %w", err)
	}
	if err := b.SetInternal([]byte(keyVersion), []byte(MappingVersion)); err != nil {
		b.Close()
		return nil, "", fmt.Errorf("stamp index: %w", err)
	}
	return b, dir, nil
}

// setCurrent points CURRENT at the generation in dir, atomically.
func (idx *Index) setCurrent(dir string) error {
	return knowledge.WriteFileAtomic(filepath.Join(idx.dir, "CURRENT"), []byte(filepath.Base(dir)+"\n"))
}

// removeStale deletes generations other than the current one: leftovers of
// a rebuild that crashed or of an index that was replaced. Recent ones are
// kept, since another process may be building one (see Build).
func (idx *Index) removeStale() {
	entries, err := os.ReadDir(idx.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		dir := filepath.Join(idx.dir, e.Name())
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "gen-") || dir == idx.curDir {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) < idx.staleAfter {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			idx.log.Warn("remove stale index generation", "dir", e.Name(), "err", err)
		}
	}
}

// Close closes the index, once a merge of its segments under way is done
// (see compact). Searches after Close fail.
func (idx *Index) Close() error {
	idx.compacting.Wait()
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.swap.Lock()
	defer idx.swap.Unlock()
	if idx.cur == nil {
		return nil
	}
	err := idx.cur.Close()
	idx.cur = nil
	return err
}

// Count returns the number of passages in the index.
func (idx *Index) Count() (int, error) {
	idx.swap.RLock()
	defer idx.swap.RUnlock()
	if idx.cur == nil {
		return 0, errors.New("index is closed")
	}
	n, err := idx.cur.DocCount()
	return int(n), err
}

// Articles returns the ids of the indexed articles with their hashes.
func (idx *Index) Articles() map[string]string {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	out := make(map[string]string, len(idx.manifest))
	for id, e := range idx.manifest {
		out[id] = e.Hash
	}
	return out
}

// Status is what an operator's dashboard and health check show of an
// index.
type Status struct {
	Open       bool           // false once closed
	Generation string         // the generation searched, which every rebuild replaces
	Built      time.Time      // when that generation became current; zero when unknown
	Passages   map[string]int // passages indexed, by article id; shared, not to be changed
}

// Status reports the state of the index. It does not wait for a change
// or rebuild under way, so that a health check answers at once.
func (idx *Index) Status() Status {
	idx.swap.RLock()
	st := Status{Open: idx.cur != nil}
	if st.Open {
		st.Generation = filepath.Base(idx.curDir)
	}
	idx.swap.RUnlock()
	if !st.Open {
		return st
	}
	// CURRENT is written, atomically, only when a build or rebuild makes
	// a generation current.
	if fi, err := os.Stat(filepath.Join(idx.dir, "CURRENT")); err == nil {
		st.Built = fi.ModTime()
	}
	if nums := idx.passageNums.Load(); nums != nil {
		st.Passages = *nums
	}
	return st
}

// ArticleHash identifies the indexed form of an article: it changes when any
// of its content or metadata changes, or when passages are cut differently.
func ArticleHash(a *knowledge.Article) string {
	data, err := knowledge.FormatArticle(a)
	if err != nil {
		data = []byte(a.ID + "\x00" + a.Text())
	}
	h := sha256.New()
	h.Write([]byte(MappingVersion + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Sync makes the index hold exactly the given articles: new and changed
// ones are (re)indexed, and those no longer in the list are removed. Each
// batch carries the updated manifest, so a crash leaves a consistent index
// that the next Sync completes.
func (idx *Index) Sync(ctx context.Context, articles []*knowledge.Article) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.cur == nil {
		return errors.New("index is closed")
	}
	if n, err := idx.cur.DocCount(); err != nil {
		return fmt.Errorf("count passages: %w", err)
	} else if n != idx.manifest.passages() {
		// An interrupted build leaves passages that the manifest does not
		// list, and they could be stale: only a new index is sure.
		idx.log.Warn("index holds passages its manifest does not list, rebuilding", "passages", n, "listed", idx.manifest.passages())
		return idx.rebuild(ctx, articles)
	}
	want := make(map[string]*knowledge.Article, len(articles))
	var changed []*knowledge.Article
	for _, a := range articles {
		want[a.ID] = a
		if e, ok := idx.manifest[a.ID]; !ok || e.Hash != ArticleHash(a) {
			changed = append(changed, a)
		}
	}
	var removed []string
	for id := range idx.manifest {
		if want[id] == nil {
			removed = append(removed, id)
		}
	}
	if len(changed) == 0 && len(removed) == 0 {
		return nil
	}
	idx.log.Info("updating index", "changed", len(changed), "removed", len(removed))
	return idx.apply(ctx, idx.cur, idx.manifest, changed, removed)
}

// Put indexes articles, replacing earlier versions with the same ids.
func (idx *Index) Put(ctx context.Context, articles ...*knowledge.Article) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.cur == nil {
		return errors.New("index is closed")
	}
	return idx.apply(ctx, idx.cur, idx.manifest, articles, nil)
}

// Delete removes articles from the index.
func (idx *Index) Delete(ctx context.Context, ids ...string) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.cur == nil {
		return errors.New("index is closed")
	}
	return idx.apply(ctx, idx.cur, idx.manifest, nil, ids)
}

// apply writes changed articles and removes others, in batches that each
// carry a manifest listing only articles that are wholly in the index once
// the batch is in. man is updated in place.
//
// Filling an empty index (a first build or a rebuild) keeps two batches in
// flight, so that bleve builds one batch's segment, a single-threaded step,
// while it analyses the next on the other core: a third faster on two
// cores. Batches may then land out of order, so each lists the articles of
// the batches already acknowledged plus its own, and the whole manifest is
// written at the end. A crash leaves passages that no manifest lists, which
// Sync notices by their count and cures by rebuilding.
func (idx *Index) apply(ctx context.Context, b bleve.Index, man manifest, put []*knowledge.Article, remove []string) error {
	defer func() {
		idx.cache.invalidate()
		if b == idx.cur {
			idx.setStats(man)
		}
	}()
	inFlight, size := 1, idx.batchSize
	written := 0 // passages
	if len(man) == 0 && len(remove) == 0 {
		inFlight, size = 2, idx.buildBatchSize(put)
	}
	var (
		wg     sync.WaitGroup
		slots  = make(chan struct{}, inFlight)
		mu     sync.Mutex // guards acked and failed
		acked  = make(manifest, len(man))
		failed error
	)
	maps.Copy(acked, man)
	defer wg.Wait()
	batch, own := b.NewBatch(), manifest{}
	// flush sends the batch; it returns once fewer than inFlight batches
	// are being written.
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		slots <- struct{}{}
		mu.Lock()
		err := failed
		listed := maps.Clone(acked)
		mu.Unlock()
		if err != nil {
			<-slots
			return err
		}
		maps.Copy(listed, own)
		for id := range listed {
			if _, ok := man[id]; !ok {
				delete(listed, id) // removed by this batch or an earlier one
			}
		}
		raw, err := json.Marshal(listed)
		if err != nil {
			<-slots
			return fmt.Errorf("encode manifest: %w", err)
		}
		batch.SetInternal([]byte(keyManifest), raw)
		wg.Add(1)
		go func(batch *bleve.Batch, own manifest) {
			defer wg.Done()
			err := b.Batch(batch)
			mu.Lock()
			if err != nil && failed == nil {
				failed = fmt.Errorf("index batch: %w", err)
			}
			if err == nil {
				maps.Copy(acked, own)
			}
			mu.Unlock()
			<-slots
		}(batch, own)
		batch, own = b.NewBatch(), manifest{}
		return ctx.Err()
	}
	// finish waits for the batches in flight and, when they could land out
	// of order, writes the whole manifest.
	finish := func() error {
		if err := flush(); err != nil {
			return err
		}
		wg.Wait()
		if failed != nil {
			return failed
		}
		if inFlight == 1 {
			return nil
		}
		raw, err := json.Marshal(man)
		if err != nil {
			return fmt.Errorf("encode manifest: %w", err)
		}
		if err := b.SetInternal([]byte(keyManifest), raw); err != nil {
			return fmt.Errorf("write manifest: %w", err)
		}
		return nil
	}
	for _, id := range remove {
		e, ok := man[id]
		if !ok {
			continue
		}
		for n := 1; n <= e.Passages; n++ {
			batch.Delete(knowledge.PassageID(id, n))
		}
		delete(man, id)
		if batch.Size() >= size {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	// Indexing allocates a great deal of short-lived memory: collecting it
	// less often saves about a sixth of the CPU time of a large build. A
	// soft memory limit keeps the heap that this lets grow under a
	// gigabyte, unless GOMEMLIMIT already set one. Both are the process's,
	// so only when the program asked for it (Options.TuneGC).
	if idx.tuneGC && len(put) > 100 {
		defer debug.SetGCPercent(debug.SetGCPercent(1000))
		if debug.SetMemoryLimit(-1) == math.MaxInt64 {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit))
		}
	}
	// Cutting articles into passages and mapping them into documents runs
	// on every core, while bleve indexes the batches already made.
	pctx, stop := context.WithCancel(ctx)
	defer stop() // on an early return, the workers stop too
	for p := range prepare(pctx, b.Mapping(), put) {
		if p.err != nil {
			return p.err
		}
		if old, ok := man[p.article.ID]; ok {
			for n := len(p.docs) + 1; n <= old.Passages; n++ {
				batch.Delete(knowledge.PassageID(p.article.ID, n))
			}
		}
		for _, d := range p.docs {
			if err := batch.IndexAdvanced(d); err != nil {
				return fmt.Errorf("index %s: %w", d.ID(), err)
			}
		}
		e := manifestEntry{Hash: p.hash, Passages: len(p.docs), Words: p.words}
		if p.lang != knowledge.English {
			e.Lang = p.lang
		}
		man[p.article.ID], own[p.article.ID] = e, e
		written += len(p.docs)
		if batch.Size() >= size {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := finish(); err != nil {
		return err
	}
	if written >= compactFrom {
		idx.compact(b)
	}
	return nil
}

// compactFrom is the number of passages written at once from which the
// index's segments are merged afterwards (see compact).
const compactFrom = 5000

// compact merges b's segments into one or two, in the background. A large
// build leaves a dozen, and a search looks each word of a question up in
// each of them: merged, a search at 100k passages takes a fifth less time.
// Merging rewrites the index once (about 3 s per 100k passages on two
// cores); searches go on meanwhile, and Close waits for it.
func (idx *Index) compact(b bleve.Index) {
	adv, err := b.Advanced()
	if err != nil {
		return
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return
	}
	idx.compacting.Add(1)
	go func() {
		defer idx.compacting.Done()
		start := time.Now()
		if err := s.ForceMerge(context.Background(), nil); err != nil {
			idx.log.Warn("merging the index's segments", "err", err)
			return
		}
		idx.log.Info("merged the index's segments", "took", time.Since(start).Round(time.Millisecond))
	}()
}

// buildMemoryLimit is the Go heap a large build aims to stay under when
// the process has no limit of its own: with collection made rarer, a 10k
// passage build would otherwise peak at 1.2 GB of RSS and a 100k one at 3.
const buildMemoryLimit = 768 << 20

// prepareAhead is how many articles prepare may have ready before they are
// taken: a few batches' worth.
const prepareAhead = 256

// preparedArticle is an article made ready for a batch.
type preparedArticle struct {
	article *knowledge.Article
	docs    []*document.Document
	hash    string
	lang    string
	words   [numFields]int
	err     error
}

// prepare maps articles into bleve documents on every core and delivers
// them in the order given, so that an index built twice from the same
// corpus is the same. The channel is closed when all are done, or early
// when ctx is cancelled.
func prepare(ctx context.Context, m mapping.IndexMapping, articles []*knowledge.Article) <-chan preparedArticle {
	out := make(chan preparedArticle, 64)
	results := make([]chan preparedArticle, len(articles))
	for i := range results {
		results[i] = make(chan preparedArticle, 1)
	}
	work := make(chan int)
	// The workers outrun bleve: without a bound they would hold every
	// article of a large build in memory at once.
	ahead := make(chan struct{}, prepareAhead)
	for range max(1, runtime.GOMAXPROCS(0)) {
		go func() {
			for i := range work {
				a := articles[i]
				p := preparedArticle{article: a, hash: ArticleHash(a), lang: searchLanguage(a)}
				an := m.AnalyzerNamed(analyzerOf[p.lang])
				passages := a.Passages()
				for k := range passages {
					pd := newPassageDoc(a, &passages[k], p.lang, an)
					p.words[0] += knowledge.WordCount(pd.Text)
					p.words[1] += knowledge.WordCount(pd.Title)
					p.words[2] += len(strings.Fields(pd.Context))
					doc := document.NewDocument(passages[k].ID())
					if err := m.MapDocument(doc, pd); err != nil {
						p.err = fmt.Errorf("index %s: %w", passages[k].ID(), err)
						break
					}
					p.docs = append(p.docs, doc)
				}
				results[i] <- p // buffered: never blocks
			}
		}()
	}
	go func() {
		defer close(work)
		for i := range articles {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case work <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		for i := range articles {
			select {
			case p := <-results[i]:
				<-ahead
				select {
				case out <- p:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func newPassageDoc(a *knowledge.Article, p *knowledge.Passage, lang string, an analysis.Analyzer) passageDoc {
	topics := make([]string, len(p.Topics))
	for i, t := range p.Topics {
		topics[i] = string(t)
	}
	scope := a.Scope
	if a.IsGlobal() {
		scope = knowledge.Global
	}
	d := passageDoc{
		Text: p.Text, Title: a.Title, Lang: lang, Context: contextTerms(an, p.Context), ArticleID: a.ID, Passage: p.N,
		Kind: string(p.Kind), Topics: topics, Scope: scope,
		Publisher: a.Publisher, URL: a.URL, Published: a.Published,
		Acronyms: acronyms(a.Title + ".\n" + p.Text), Aliases: append(aliasKeys(an, lang, aliases(p.Text)), roleKeys(an, lang, roles(p.Text))...),
	}
	switch lang {
	case knowledge.Korean:
		d.BodyKo, d.TitleKo = p.Text, a.Title
	case knowledge.Japanese:
		d.BodyJa, d.TitleJa = p.Text, a.Title
		d.Katakana = katakanaWords(p.Text)
	default:
		d.Body = p.Text
	}
	return d
}

// contextTerms returns the distinct analyzed terms of a passage's context,
// space-separated: what the ranking needs of it, already analyzed, so that
// a search does not analyze the context of every candidate.
func contextTerms(an analysis.Analyzer, text string) string {
	if an == nil {
		return text
	}
	seen := map[string]bool{}
	var out []string
	for _, t := range an.Analyze([]byte(text)) {
		if term := string(t.Term); !seen[term] {
			seen[term] = true
			out = append(out, term)
		}
	}
	return strings.Join(out, " ")
}

// Rebuild builds a new index from the articles beside the current one and
// swaps it in. Searches keep being answered from the old index until the
// swap, and from the new one after it.
func (idx *Index) Rebuild(ctx context.Context, articles []*knowledge.Article) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.cur == nil {
		return errors.New("index is closed")
	}
	return idx.rebuild(ctx, articles)
}

// rebuild is Rebuild with idx.mu held.
func (idx *Index) rebuild(ctx context.Context, articles []*knowledge.Article) error {
	next, nextDir, err := idx.newGeneration()
	if err != nil {
		return err
	}
	man := manifest{}
	if err := idx.apply(ctx, next, man, articles, nil); err != nil {
		next.Close()
		os.RemoveAll(nextDir)
		return err
	}
	if err := idx.setCurrent(nextDir); err != nil {
		next.Close()
		os.RemoveAll(nextDir)
		return err
	}
	old, oldDir := idx.cur, idx.curDir
	idx.swap.Lock()
	idx.cur, idx.curDir, idx.manifest = next, nextDir, man
	idx.swap.Unlock()
	idx.cache.invalidate()
	idx.setStats(man)
	if err := old.Close(); err != nil {
		idx.log.Warn("close old index", "err", err)
	}
	if err := os.RemoveAll(oldDir); err != nil {
		idx.log.Warn("remove old index", "dir", oldDir, "err", err)
	}
	return nil
}

// Build builds an index of the articles in a new generation directory in
// dir and makes it current, without opening the current one: it works while
// another process (the running bot) holds that open, and the other process
// switches over when it next calls Follow. The old generation is left for
// its holder to remove.
func Build(ctx context.Context, dir string, articles []*knowledge.Article, opts Options) error {
	idx := newIndex(dir, opts)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create index directory: %w", err)
	}
	b, genDir, err := idx.newGeneration()
	if err != nil {
		return err
	}
	if err := idx.apply(ctx, b, manifest{}, articles, nil); err != nil {
		b.Close()
		os.RemoveAll(genDir)
		return err
	}
	if err := b.Close(); err != nil {
		os.RemoveAll(genDir)
		return fmt.Errorf("close new index: %w", err)
	}
	return idx.setCurrent(genDir)
}

// Follow switches to the generation that CURRENT names when another process
// built a new one (see Build), and reports whether it did. Searches keep
// being answered throughout.
func (idx *Index) Follow() (bool, error) {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.cur == nil {
		return false, errors.New("index is closed")
	}
	name, err := os.ReadFile(filepath.Join(idx.dir, "CURRENT"))
	if err != nil {
		return false, fmt.Errorf("read CURRENT: %w", err)
	}
	if strings.TrimSpace(string(name)) == filepath.Base(idx.curDir) {
		return false, nil
	}
	next, nextDir, man, err := idx.openCurrent()
	if err != nil {
		return false, err
	}
	old, oldDir := idx.cur, idx.curDir
	idx.swap.Lock()
	idx.cur, idx.curDir, idx.manifest = next, nextDir, man
	idx.swap.Unlock()
	idx.cache.invalidate()
	idx.setStats(man)
	if err := old.Close(); err != nil {
		idx.log.Warn("close old index", "err", err)
	}
	if err := os.RemoveAll(oldDir); err != nil {
		idx.log.Warn("remove old index", "dir", oldDir, "err", err)
	}
	idx.log.Info("switched to a rebuilt index", "generation", filepath.Base(nextDir))
	return true, nil
}
