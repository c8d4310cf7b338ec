package extract

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/extract/claims"
	"github.com/dossier-project/dossier/extract/dates"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Found is a name a Recognizer found: its span, the sentence it is in and
// its type (schema.Person, schema.Organization, schema.Place, ...).
type Found struct {
	schema.Span
	Sentence int
	Type     string
	// Sure marks a type that the text's layout makes certain (a dateline's
	// place): it weighs more when a name's mentions vote on its type.
	Sure bool
}

// Recognizer finds names in a document's sentences. Implementations must be
// safe for concurrent use.
type Recognizer interface {
	// Name identifies the recogniser ("dossier", "prose").
	Name() string
	// Recognize returns the names in sents, in text order.
	Recognize(runes []rune, sents []text.Sentence) ([]Found, error)
}

// ContextRecognizer is a Recognizer that can stop part way through a
// document when its context is cancelled; the Extractor uses it when the
// recogniser has it. The project's own recogniser does.
type ContextRecognizer interface {
	Recognizer
	// RecognizeContext is Recognize, returning ctx's error once ctx is
	// cancelled.
	RecognizeContext(ctx context.Context, runes []rune, sents []text.Sentence) ([]Found, error)
}

// Options configure an Extractor.
type Options struct {
	// NER is the recogniser; nil means the default (NewRecognizer("dossier")).
	NER Recognizer
	// NoClaims turns claim and relation extraction off.
	NoClaims bool
	// Corrections are an analyst's decisions about entities, applied to
	// every document (nil: none).
	Corrections *Corrections
	// Attrib is the trained attribution model whose cues the rules miss
	// become claims too; nil means the default (attrib.Default()) unless
	// NoModel is set.
	Attrib *attrib.Model
	// NoModel leaves claims to the rules of extract/claims alone.
	NoModel bool
	// NoEntityBounds lifts the bounds on a document's names and entities
	// (MaxDocMentions, MaxDocEntities), for scoring a trusted corpus that
	// comes as one long document, such as a CoNLL file without -DOCSTART-
	// lines (CrossNER's politics test: 3,322 names in 651 sentences).
	// Never for untrusted input: the bounds keep a hostile document's
	// store small.
	NoEntityBounds bool
	// Alleg is the learned allegation detector applied after the rules
	// (claims.DefaultAllegModel() is the shipped one); nil leaves
	// allegations to the rules alone.
	Alleg *claims.AllegModel
	// AllegTrace, when not nil, is handed each document's claims as the
	// allegation model saw them (cmd/allegtrain trains on them). It may
	// be called from several goroutines at once.
	AllegTrace func(doc *schema.Document, cands []claims.AllegCandidate)
}

// Extractor runs the extraction pass. It is safe for concurrent use.
type Extractor struct {
	ner    Recognizer
	claims bool
	corr   *Corrections
	attrib *attrib.Model
	// unbounded: Options.NoEntityBounds.
	unbounded  bool
	alleg      *claims.AllegModel
	allegTrace func(doc *schema.Document, cands []claims.AllegCandidate)
}

// New returns an Extractor.
func New(opt Options) (*Extractor, error) {
	x := &Extractor{ner: opt.NER, claims: !opt.NoClaims, corr: opt.Corrections, unbounded: opt.NoEntityBounds}
	if x.ner == nil {
		r, err := NewRecognizer("dossier")
		if err != nil {
			return nil, err
		}
		x.ner = r
	}
	if x.claims && !opt.NoModel {
		x.attrib = opt.Attrib
		if x.attrib == nil {
			m, err := attrib.Default()
			if err != nil {
				return nil, err
			}
			x.attrib = m
		}
	}
	if x.claims {
		x.alleg = opt.Alleg
	}
	x.allegTrace = opt.AllegTrace
	return x, nil
}

// DocError is an error in extracting one document.
type DocError struct {
	Doc string // the document's path or ID
	Err error
}

func (e *DocError) Error() string { return fmt.Sprintf("%s: %v", e.Doc, e.Err) }

// Unwrap returns the underlying error.
func (e *DocError) Unwrap() error { return e.Err }

// Extract runs the whole pass over one document. A panic in any step (a
// dependency's, or a bug) is contained and returned as a *DocError for
// that document alone.
func (x *Extractor) Extract(ctx context.Context, doc *schema.Document) (res *schema.Result, err error) {
	name := doc.Path
	if name == "" {
		name = doc.ID
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, &DocError{Doc: name, Err: fmt.Errorf("internal error: %v\n%s", r, debug.Stack())}
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	runes := []rune(doc.Text)
	sents := text.Split(doc, runes)
	res = &schema.Result{Document: *doc, Entities: []schema.Entity{}, Claims: []schema.Claim{}, Relations: []schema.Relation{}}
	res.Warnings = append(res.Warnings, doc.Warnings...)
	res.Sentences = make([]schema.Span, len(sents))
	cut, cutToks, at := 0, 0, -1
	for i, s := range sents {
		res.Sentences[i] = s.Span
		if s.Cut || s.CutTokens > 0 {
			cut += b2i(s.Cut)
			cutToks += s.CutTokens
			if at < 0 {
				at = s.Start
			}
		}
	}
	if cut > 0 {
		times := fmt.Sprintf("%d times", cut)
		if cut == 1 {
			times = "once"
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("no sentence boundary for over %d tokens (from character %d): cut %s",
			text.MaxSentenceTokens, at, times))
	}
	if cutToks > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d runs of letters, marks or punctuation longer than %d characters were cut into tokens of that length",
			cutToks, text.MaxTokenRunes))
	}
	// Each step below looks at ctx as it goes (the recogniser and claims
	// every few dozen sentences), so that an interrupt stops a long
	// document part way: ctx's error is returned as it is, not as a
	// failure of the document.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var found []Found
	if cr, ok := x.ner.(ContextRecognizer); ok {
		found, err = cr.RecognizeContext(ctx, runes, sents)
	} else {
		found, err = x.ner.Recognize(runes, sents)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, &DocError{Doc: name, Err: fmt.Errorf("%s recogniser: %w", x.ner.Name(), err)}
	}
	found = applyDateline(runes, sents, found)
	found = applyMarkup(runes, sents, found)
	found = applyTickerNames(runes, sents, found)
	var bound bounded
	if x.unbounded {
		res.Entities = ResolveWith(runes, sents, found, x.corr)
	} else {
		found = bound.boundFound(found)
		res.Entities = bound.boundEntities(ResolveWith(runes, sents, found, x.corr))
	}
	scopeBareNames(res.Entities, doc.Hash)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if x.claims {
		out, err := claims.ExtractContext(ctx, claims.Input{Doc: doc, Runes: runes, Sentences: sents, Entities: res.Entities, Model: x.attrib,
			MaxClaims: MaxDocClaims, Alleg: x.alleg, AllegTrace: x.allegTrace != nil})
		if err != nil {
			return nil, err
		}
		if x.allegTrace != nil {
			x.allegTrace(doc, out.AllegCandidates)
		}
		res.Claims = bound.boundClaims(out.Claims)
		res.Warnings = append(res.Warnings, out.Warnings...)
		res.Relations = bound.boundRelations(out.Relations)
	}
	if w := bound.warning(); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	for i, s := range sents {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, f := range dates.Find(runes, s.Start, s.End, doc.Date) {
			res.Times = append(res.Times, schema.TimeExpr{Span: f.Span, Date: f.Date, Sentence: i})
		}
	}
	datesToClaims(res)
	if err := res.Check(); err != nil {
		return nil, &DocError{Doc: name, Err: fmt.Errorf("internal error: %w", err)}
	}
	return res, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scopeBareNames gives a person known in this document only by one name
// ("Mr Smith", "Smith", "Mrs Smith") an ID of this document's own: the same surname in
// two unrelated articles is not automatically one person. A full name
// ("John Smith") is global.
func scopeBareNames(ents []schema.Entity, hash string) {
	if len(hash) > 8 {
		hash = hash[:8]
	}
	for i := range ents {
		e := &ents[i]
		if f := strings.Fields(e.Name); e.Type == schema.Person && hash != "" && (len(f) == 1 || len(f) == 2 && honorificSex(f[0]) != 0) {
			e.ID += "@" + hash
		}
	}
}

// datesToClaims dates each claim: by a time expression in its sentence
// ("In October, the BSI told Reuters..."), else by the document date.
func datesToClaims(res *schema.Result) {
	for i := range res.Claims {
		c := &res.Claims[i]
		if c.Date != "" {
			continue
		}
		c.Date = res.Document.Date
		// A time expression before the cue ("In October, the BSI told
		// Reuters") or right after it ("said on Tuesday") dates the
		// statement; one inside the content dates what was said instead.
		for _, t := range res.Times {
			if t.Sentence == c.Sentence && (t.End <= c.Cue.Start && !c.Content.Contains(t.Span) ||
				t.Start >= c.Cue.End && t.Start-c.Cue.End <= 12) {
				c.Date = t.Date
				break
			}
		}
	}
}
