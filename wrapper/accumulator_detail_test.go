package openrouter

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
)

func TestReasoningDetailsFold(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		fragments []string
		want      []string
	}{
		"text of one index is joined, the latest signature and format win": {
			fragments: []string{
				`{"type":"reasoning.text","text":"a","format":"anthropic-claude-v1","index":0}`,
				`{"type":"reasoning.text","text":"b","index":0}`,
				`{"type":"reasoning.text","text":"","signature":"sig","format":"unknown","index":0}`,
			},
			want: []string{`{"type":"reasoning.text","text":"ab","format":"unknown","index":0,"signature":"sig"}`},
		},
		"another index or type starts a new detail": {
			fragments: []string{
				`{"type":"reasoning.text","text":"a","index":0}`,
				`{"type":"reasoning.text","text":"b","index":1}`,
				`{"type":"reasoning.summary","summary":"s","index":1}`,
				`{"type":"reasoning.summary","summary":"t","index":1}`,
				`{"type":"reasoning.text","text":"c"}`,
				`{"type":"reasoning.text","text":"d"}`,
				`{"type":"reasoning.text","text":"e","index":2}`,
			},
			want: []string{
				`{"type":"reasoning.text","text":"a","index":0}`,
				`{"type":"reasoning.text","text":"b","index":1}`,
				`{"type":"reasoning.summary","summary":"st","index":1}`,
				`{"type":"reasoning.text","text":"cd"}`,
				`{"type":"reasoning.text","text":"e","index":2}`,
			},
		},
		"encrypted data is joined": {
			fragments: []string{
				`{"type":"reasoning.encrypted","data":"AB","index":0}`,
				`{"type":"reasoning.encrypted","data":"CD","id":"r1","index":0}`,
			},
			want: []string{`{"type":"reasoning.encrypted","data":"ABCD","id":"r1","index":0}`},
		},
		"a server tool call takes the latest fields": {
			fragments: []string{
				`{"type":"reasoning.server_tool_call","tool_name":"web_search","arguments":"{}","result":"","index":0}`,
				`{"type":"reasoning.server_tool_call","tool_name":"","arguments":"","result":"found","index":0}`,
			},
			want: []string{`{"type":"reasoning.server_tool_call","tool_name":"web_search","arguments":"{}","result":"found","index":0}`},
		},
		"fields the SDK does not know survive a fold": {
			fragments: []string{
				`{"type":"reasoning.text","text":"a","index":0,"redacted":{"why":"policy"}}`,
				`{"type":"reasoning.text","text":"b","index":0}`,
			},
			want: []string{`{"type":"reasoning.text","text":"ab","index":0,"redacted":{"why":"policy"}}`},
		},
		"a type the SDK does not know is kept as received": {
			fragments: []string{
				`{"type":"reasoning.future","text":"a","index":0}`,
				`{"type":"reasoning.future","text":"b","index":0}`,
				`{"type":"reasoning.text","text":"c","index":"0"}`,
				`{"type":"reasoning.text","text":"d","index":"0"}`,
			},
			want: []string{
				`{"type":"reasoning.future","text":"a","index":0}`,
				`{"type":"reasoning.future","text":"b","index":0}`,
				`{"type":"reasoning.text","text":"c","index":"0"}`,
				`{"type":"reasoning.text","text":"d","index":"0"}`,
			},
		},
		"a lone fragment is kept as received": {
			fragments: []string{`{"type":"reasoning.text","text":"a","signature":null,"index":0}`},
			want:      []string{`{"type":"reasoning.text","text":"a","signature":null,"index":0}`},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var c choiceAcc
			for _, f := range tc.fragments {
				var u gen.ReasoningDetailUnion
				if err := u.UnmarshalJSON([]byte(f)); err != nil {
					t.Fatal(err)
				}
				c.addDetail(u)
			}
			var got []any
			for _, d := range c.details {
				raw, err := d.detail().MarshalJSON()
				if err != nil {
					t.Fatal(err)
				}
				var v any
				if err := json.Unmarshal(raw, &v); err != nil {
					t.Fatalf("detail %s: %v", raw, err)
				}
				got = append(got, v)
			}
			var want []any
			for _, w := range tc.want {
				var v any
				if err := json.Unmarshal([]byte(w), &v); err != nil {
					t.Fatal(err)
				}
				want = append(want, v)
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(want)
				t.Errorf("details\n got %s\nwant %s", g, w)
			}
		})
	}
}
