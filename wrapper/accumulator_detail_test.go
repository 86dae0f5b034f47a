package openrouter

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
)

// referenceMerge is the plain statement of how reasoning detail fragments
// merge (consecutive fragments of one type and index: text, summary and
// data concatenated, other non-null fields replaced), which addDetail
// implements in linear time.
func referenceMerge(frags []string) []map[string]any {
	var out []map[string]any
	key := func(x map[string]any) string {
		t, _ := x["type"].(string)
		i, _ := json.Marshal(x["index"])
		return t + "/" + string(i)
	}
	for _, f := range frags {
		var m map[string]any
		if json.Unmarshal([]byte(f), &m) != nil {
			continue
		}
		if n := len(out); n > 0 && key(out[n-1]) == key(m) {
			last := out[n-1]
			for k, v := range m {
				s, isStr := v.(string)
				prev, wasStr := last[k].(string)
				if isStr && wasStr && (k == "text" || k == "summary" || k == "data") {
					last[k] = prev + s
				} else if v != nil {
					last[k] = v
				}
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

func TestReasoningDetailsMergeLikeTheReference(t *testing.T) {
	types := []string{`"reasoning.text"`, `"reasoning.summary"`, `"reasoning.encrypted"`, `1`, `null`}
	indexes := []string{`0`, `1`, `"0"`, `null`, `[0]`, `true`}
	values := []string{`"a"`, `"bc"`, `null`, `7`, `{"x":1}`, `""`, `"x\ny \"q\""`, `"\u00e9"`, `true`, `false`, `1.5`, `-0`, `[1]`, `"\ud83d\ude00"`, ` "spaced" `}
	fields := []string{"text", "summary", "data", "signature", "format"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 3000 {
		var frags []string
		for range 1 + rng.IntN(8) {
			// Mostly the common values, so that fragments often merge.
			pick := func(n int) int {
				if rng.IntN(3) > 0 {
					return rng.IntN(2)
				}
				return rng.IntN(n)
			}
			f := `{"type":` + types[pick(len(types))]
			if rng.IntN(4) > 0 {
				f += `,"index":` + indexes[pick(len(indexes))]
			}
			for _, k := range fields {
				if rng.IntN(2) == 0 {
					f += fmt.Sprintf(`,%q:%s`, k, values[rng.IntN(len(values))])
				}
			}
			frags = append(frags, f+"}")
		}
		var c choiceAcc
		for _, f := range frags {
			var u gen.ReasoningDetailUnion
			if err := u.UnmarshalJSON([]byte(f)); err != nil {
				t.Fatal(err)
			}
			c.addDetail(u)
		}
		var got []map[string]any
		for _, d := range c.details {
			got = append(got, d.fields())
		}
		if want := referenceMerge(frags); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: fragments %v\n got %v\nwant %v", round, frags, got, want)
		}
	}
}
