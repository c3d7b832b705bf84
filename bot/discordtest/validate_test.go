package discordtest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// obj builds a JSON object from alternating keys and values.
func obj(kv ...any) string {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func repeat(n int, v any) []any {
	out := make([]any, n)
	for i := range out {
		if f, ok := v.(func(int) any); ok {
			out[i] = f(i)
		} else {
			out[i] = v
		}
	}
	return out
}

func button(id string) map[string]any {
	return map[string]any{"type": 2, "style": 1, "label": "Go", "custom_id": id}
}

func row(kids ...any) map[string]any {
	return map[string]any{"type": 1, "components": kids}
}

func input(id, label string) map[string]any {
	return map[string]any{"type": 4, "custom_id": id, "label": label, "style": 1}
}

func TestCheckMessage(t *testing.T) {
	s := strings.Repeat
	field := func(name, value string) map[string]any { return map[string]any{"name": name, "value": value} }
	tests := []struct {
		name string
		body string
		want string // path of the violation, "" for none
	}{
		{"fine", obj("content", "hello", "allowed_mentions", map[string]any{"parse": []string{}}), ""},
		{"2000 characters of Japanese", obj("content", s("竹", 2000)), ""},
		{"content too long", obj("content", s("a", 2001)), "content"},
		{"content of the wrong type", `{"content": 5}`, "content"},
		{"11 embeds", obj("embeds", repeat(11, map[string]any{"title": "t"})), "embeds"},
		{"title too long", obj("embeds", []any{map[string]any{"title": s("t", 257)}}), "embeds.0.title"},
		{"description of 4096", obj("embeds", []any{map[string]any{"description": s("d", 4096)}}), ""},
		{"description too long", obj("embeds", []any{map[string]any{"description": s("d", 4097)}}), "embeds.0.description"},
		{"26 fields", obj("embeds", []any{map[string]any{"fields": repeat(26, field("n", "v"))}}), "embeds.0.fields"},
		{"field name too long", obj("embeds", []any{map[string]any{"fields": []any{field(s("n", 257), "v")}}}), "embeds.0.fields.0.name"},
		{"field value too long", obj("embeds", []any{map[string]any{"fields": []any{field("n", s("v", 1025))}}}), "embeds.0.fields.0.value"},
		{"empty field value", obj("embeds", []any{map[string]any{"fields": []any{field("n", "")}}}), "embeds.0.fields.0.value"},
		{"footer too long", obj("embeds", []any{map[string]any{"footer": map[string]any{"text": s("f", 2049)}}}), "embeds.0.footer.text"},
		{"author too long", obj("embeds", []any{map[string]any{"author": map[string]any{"name": s("a", 257)}}}), "embeds.0.author.name"},
		{"6001 characters in embeds", obj("embeds", []any{
			map[string]any{"description": s("d", 4096)},
			map[string]any{"description": s("d", 1905)},
		}), "embeds"},
		{"embed url not http", obj("embeds", []any{map[string]any{"title": "t", "url": "javascript:alert(1)"}}), "embeds.0.url"},
		{"embed url relative", obj("embeds", []any{map[string]any{"title": "t", "url": "/wiki"}}), "embeds.0.url"},
		{"embed url https", obj("embeds", []any{map[string]any{"title": "t", "url": "https://ja.wikipedia.org/wiki/竹島"}}), ""},
		{"6 action rows", obj("components", repeat(6, func(i int) any { return row(button(fmt.Sprint(i))) })), "components"},
		{"6 buttons", obj("components", []any{row(repeat(6, func(i int) any { return button(fmt.Sprint(i)) })...)}), "components.0.components"},
		{"button in the top level", obj("components", []any{button("a")}), "components.0.type"},
		{"label too long", obj("components", []any{row(map[string]any{"type": 2, "style": 1, "label": s("l", 81), "custom_id": "a"})}), "components.0.components.0.label"},
		{"custom_id too long", obj("components", []any{row(button(s("c", 101)))}), "components.0.components.0.custom_id"},
		{"custom_id of 100", obj("components", []any{row(button(s("c", 100)))}), ""},
		{"duplicate custom_id", obj("components", []any{row(button("a")), row(button("a"))}), "components.1.components.0.custom_id"},
		{"link button without url", obj("components", []any{row(map[string]any{"type": 2, "style": 5, "label": "Read"})}), "components.0.components.0.url"},
		{"link button to ftp", obj("components", []any{row(map[string]any{"type": 2, "style": 5, "label": "Read", "url": "ftp://x"})}), "components.0.components.0.url"},
		{"button without label or emoji", obj("components", []any{row(map[string]any{"type": 2, "style": 1, "custom_id": "a"})}), "components.0.components.0.label"},
		{"select with 26 options", obj("components", []any{row(map[string]any{
			"type": 3, "custom_id": "s", "options": repeat(26, func(i int) any { return map[string]any{"label": "l", "value": fmt.Sprint(i)} }),
		})}), "components.0.components.0.options"},
		{"select next to a button", obj("components", []any{row(button("a"), map[string]any{
			"type": 3, "custom_id": "s", "options": []any{map[string]any{"label": "l", "value": "v"}},
		})}), "components.0.components"},
		{"text input in a message", obj("components", []any{row(input("a", "A"))}), "components.0.components.0.type"},
		{"parse with users", obj("allowed_mentions", map[string]any{"parse": []string{"users"}, "users": []string{"1"}}), "allowed_mentions.users"},
		{"unknown parse", obj("allowed_mentions", map[string]any{"parse": []string{"here"}}), "allowed_mentions.parse.0"},
		{"ephemeral", obj("content", "x", "flags", 64), ""},
		{"crossposted flag", obj("content", "x", "flags", 1), "flags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chk := &checker{}
			if p, ok := parsePayload(chk, "", []byte(tt.body)); ok {
				chk.checkMessage("", p, 0)
			}
			assertViolation(t, chk.vs, tt.want)
		})
	}
}

func TestCheckChoicesAndModals(t *testing.T) {
	s := strings.Repeat
	choice := func(name string, value any) map[string]any { return map[string]any{"name": name, "value": value} }
	modal := func(title string, rows ...any) string {
		return obj("custom_id", "m", "title", title, "components", rows)
	}
	tests := []struct {
		name  string
		modal bool
		body  string
		want  string
	}{
		{"choices", false, obj("choices", []any{choice("a", "a"), choice("b", 2)}), ""},
		{"no choices", false, obj("content", ""), "choices"},
		{"26 choices", false, obj("choices", repeat(26, choice("a", "a"))), "choices"},
		{"choice name too long", false, obj("choices", []any{choice(s("n", 101), "a")}), "choices.0.name"},
		{"empty choice name", false, obj("choices", []any{choice("", "a")}), "choices.0.name"},
		{"choice value too long", false, obj("choices", []any{choice("a", s("v", 101))}), "choices.0.value"},
		{"choice value of 100 characters", false, obj("choices", []any{choice("a", s("竹", 100))}), ""},
		{"choice value not a string or number", false, obj("choices", []any{choice("a", true)}), "choices.0.value"},
		{"modal", true, modal("Report", row(input("a", "What?"))), ""},
		{"modal title too long", true, modal(s("t", 46), row(input("a", "What?"))), "title"},
		{"modal without title", true, modal("", row(input("a", "What?"))), "title"},
		{"modal with 6 rows", true, modal("t", repeat(6, func(i int) any { return row(input(fmt.Sprint(i), "L")) })...), "components"},
		{"modal with no rows", true, modal("t"), "components"},
		{"text input label too long", true, modal("t", row(input("a", s("l", 46)))), "components.0.components.0.label"},
		{"text input custom_id too long", true, modal("t", row(input(s("c", 101), "L"))), "components.0.components.0.custom_id"},
		{"two inputs in a row", true, modal("t", row(input("a", "L"), input("b", "L"))), "components.0.components"},
		{"button in a modal", true, modal("t", row(button("a"))), "components.0.components.0.type"},
		{"modal custom_id too long", true, obj("custom_id", s("c", 101), "title", "t", "components", []any{row(input("a", "L"))}), "custom_id"},
		{"max_length over 4000", true, modal("t", row(map[string]any{"type": 4, "custom_id": "a", "label": "L", "style": 2, "max_length": 4001})), "components.0.components.0.max_length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chk := &checker{}
			if p, ok := parsePayload(chk, "", []byte(tt.body)); ok {
				if tt.modal {
					chk.checkModal("", p)
				} else {
					chk.checkChoices("", p)
				}
			}
			assertViolation(t, chk.vs, tt.want)
		})
	}
}

func assertViolation(t *testing.T, vs []violation, want string) {
	t.Helper()
	if want == "" {
		if len(vs) > 0 {
			t.Errorf("violations = %+v, want none", vs)
		}
		return
	}
	for _, v := range vs {
		if v.path == want {
			return
		}
	}
	t.Errorf("violations = %+v, want one at %q", vs, want)
}

func TestFormError(t *testing.T) {
	rep := formError([]violation{
		{"data.content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."},
		{"", "MESSAGE_EMPTY", "Cannot send an empty message"},
	})
	want := `{"code":50035,"errors":{"_errors":[{"code":"MESSAGE_EMPTY","message":"Cannot send an empty message"}],` +
		`"data":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}},"message":"Invalid Form Body"}`
	if rep.status != 400 || string(rep.body) != want {
		t.Errorf("formError = %d %s\nwant 400 %s", rep.status, rep.body, want)
	}
}
