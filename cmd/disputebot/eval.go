package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge/evalset"
)

func cmdEval(ctx context.Context, m *Main, args []string) error {
	fs := newFlagSet("eval", m.stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	t := evalset.DefaultTargets
	fs.Float64Var(&t.Hit1, "min-hit1", t.Hit1, "fail below this hit@1")
	fs.Float64Var(&t.Hit3, "min-hit3", t.Hit3, "fail below this hit@3")
	fs.Float64Var(&t.NotCovered, "max-not-covered", t.NotCovered, "fail above this share of on-topic questions answered \"not covered\"")
	fs.Float64Var(&t.OffAnswered, "max-off-answered", t.OffAnswered, "fail above this share of off-topic questions answered")
	fs.Float64Var(&t.CJKHit3, "min-cjk-hit3", t.CJKHit3, "fail below this hit@3 of questions in Korean or Japanese")
	fs.Usage = func() {
		fmt.Fprintln(m.stderr, `usage: disputebot eval [--json] FILE

FILE holds JSON lines {"q": "...", "expect": ["substring", ...]}; an empty
expect marks an off-topic question. Optional labels break the report down:
"style" (formal, chat), "lang" (en, ko, ja), "kind" (any tag), "near" (an
off-topic question sharing words with the corpus), "doc" (the answering
article), "topic" (a topic filter to ask with).`)
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if len(pos) != 1 {
		return usagef("eval takes one question file")
	}
	cases, err := evalset.ReadFile(pos[0])
	if err != nil {
		return usagef("%v", err)
	}
	svc, err := m.open(ctx, app.Ask, "")
	if err != nil {
		return err
	}
	rep, err := evalset.Run(ctx, svc.Search, cases, t)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(m.stdout, rep); err != nil {
			return err
		}
	} else {
		rep.Write(m.stdout)
	}
	if !rep.Pass {
		return errFailed
	}
	return nil
}
