package openrouter_test

import (
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestReasoningConstructors(t *testing.T) {
	t.Parallel()
	tests := map[string]marshalCase{
		"chat effort":             {openrouter.Reasoning(openrouter.EffortHigh), `{"effort":"high"}`},
		"chat effort and summary": {openrouter.Reasoning(openrouter.EffortLow, openrouter.SummaryConcise), `{"effort":"low","summary":"concise"}`},
		"responses effort":        {openrouter.ResponsesReasoning(openrouter.EffortXHigh, openrouter.SummaryDetailed), `{"effort":"xhigh","summary":"detailed"}`},
		"responses budget":        {openrouter.ResponsesReasoningBudget(2048), `{"enabled":true,"max_tokens":2048}`},
		"responses off":           {openrouter.ResponsesReasoningOff(), `{"enabled":false}`},
		"thinking budget":         {openrouter.ThinkingBudget(1024), `{"type":"enabled","budget_tokens":1024}`},
		"thinking adaptive":       {openrouter.ThinkingAdaptive(), `{"type":"adaptive"}`},
		"thinking off":            {openrouter.ThinkingOff(), `{"type":"disabled"}`},
	}
	checkMarshal(t, tests)
}
