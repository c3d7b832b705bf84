package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// testKey is a fixed key pair, so that fuzzing can start from requests
// that pass.
var testKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

// testNow is the endpoint's clock in these tests.
var testNow = time.Unix(1_800_000_000, 0)

func testEndpoint() *Endpoint {
	return &Endpoint{key: testKey.Public().(ed25519.PublicKey), now: func() time.Time { return testNow }, seen: map[string]time.Time{}}
}

// signed returns the headers Discord sends with body, signed at ts.
func signed(ts string, body []byte) http.Header {
	h := http.Header{}
	h.Set("X-Signature-Timestamp", ts)
	h.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(testKey, append([]byte(ts), body...))))
	return h
}

const pingBody = `{"id":"1300000000000000001","application_id":"1300000000000000002","type":1,"token":"t","version":1}`
const askBody = `{"id":"1300000000000000003","application_id":"1300000000000000002","type":2,"token":"tok","version":1,"data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"hi"}]}}`

// TestEndpointParse: every request must carry a valid signature over its
// timestamp and body, with a timestamp within 5 minutes, not seen before.
func TestEndpointParse(t *testing.T) {
	now := strconv.FormatInt(testNow.Unix(), 10)
	for _, tt := range []struct {
		name   string
		header func() http.Header
		body   string
		unauth bool // want errUnauthorized
		bad    bool // want another error
	}{
		{name: "ping", header: func() http.Header { return signed(now, []byte(pingBody)) }, body: pingBody},
		{name: "command", header: func() http.Header { return signed(now, []byte(askBody)) }, body: askBody},
		{name: "4m59s old", header: func() http.Header { return signed(strconv.FormatInt(testNow.Unix()-299, 10), []byte(askBody)) }, body: askBody},
		{name: "no headers", header: func() http.Header { return http.Header{} }, body: askBody, unauth: true},
		{name: "no timestamp", header: func() http.Header { h := signed(now, []byte(askBody)); h.Del("X-Signature-Timestamp"); return h }, body: askBody, unauth: true},
		{name: "5m01s old", header: func() http.Header { return signed(strconv.FormatInt(testNow.Unix()-301, 10), []byte(askBody)) }, body: askBody, unauth: true},
		{name: "5m01s ahead", header: func() http.Header { return signed(strconv.FormatInt(testNow.Unix()+301, 10), []byte(askBody)) }, body: askBody, unauth: true},
		{name: "other body", header: func() http.Header { return signed(now, []byte(pingBody)) }, body: askBody, unauth: true},
		{name: "short signature", header: func() http.Header { h := signed(now, []byte(askBody)); h.Set("X-Signature-Ed25519", "abcd"); return h }, body: askBody, unauth: true},
		{name: "signed garbage", header: func() http.Header { return signed(now, []byte("not json")) }, body: "not json", bad: true},
		{name: "signed without token", header: func() http.Header { return signed(now, []byte(`{"id":"1","type":2}`)) }, body: `{"id":"1","type":2}`, bad: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := testEndpoint().parse(tt.header(), []byte(tt.body))
			switch {
			case tt.unauth && !errors.Is(err, errUnauthorized):
				t.Errorf("got %v, want unauthorized", err)
			case tt.bad && (err == nil || errors.Is(err, errUnauthorized)):
				t.Errorf("got %v, want a bad request", err)
			case !tt.unauth && !tt.bad && err != nil:
				t.Errorf("got %v, want it accepted", err)
			}
		})
	}
	t.Run("replay", func(t *testing.T) {
		e := testEndpoint()
		h := signed(now, []byte(askBody))
		if _, err := e.parse(h, []byte(askBody)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.parse(h, []byte(askBody)); !errors.Is(err, errUnauthorized) {
			t.Errorf("replay: got %v, want unauthorized", err)
		}
	})
}

// FuzzEndpointParse: whatever the headers and body, parse does not panic,
// and accepts only a body signed with the key, at a time within 5 minutes.
func FuzzEndpointParse(f *testing.F) {
	now := strconv.FormatInt(testNow.Unix(), 10)
	for _, body := range []string{pingBody, askBody, "{}", "", `{"id":"1","type":1}`, `{"type":3,"data":{"components":[{"type":20}]}}`} {
		h := signed(now, []byte(body))
		f.Add(h.Get("X-Signature-Ed25519"), now, []byte(body), true)
		f.Add(h.Get("X-Signature-Ed25519"), now, []byte(body), false)
	}
	f.Fuzz(func(t *testing.T, sig, ts string, body []byte, resign bool) {
		h := http.Header{}
		h.Set("X-Signature-Ed25519", sig)
		h.Set("X-Signature-Timestamp", ts)
		if resign {
			// Signed properly, the body and timestamp are what is tested.
			h = signed(ts, body)
		}
		i, err := testEndpoint().parse(h, body)
		if err != nil {
			return
		}
		if i == nil || i.ID == "" {
			t.Fatalf("accepted %q without an interaction id", body)
		}
		sec, perr := strconv.ParseInt(ts, 10, 64)
		if perr != nil || time.Unix(sec, 0).Sub(testNow).Abs() > maxSkew {
			t.Fatalf("accepted timestamp %q", ts)
		}
		raw, _ := hex.DecodeString(h.Get("X-Signature-Ed25519"))
		if !ed25519.Verify(testKey.Public().(ed25519.PublicKey), append([]byte(ts), body...), raw) {
			t.Fatalf("accepted a bad signature")
		}
	})
}
