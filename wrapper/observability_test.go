package openrouter_test

import (
	"strings"
	"testing"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func TestSummarizeDestination(t *testing.T) {
	var d openrouter.ObservabilityDestination
	if _, err := openrouter.SummarizeDestination(d); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty destination: error %v", err)
	}
	if err := d.UnmarshalJSON([]byte(`{"id":"550e8400-e29b-41d4-a716-446655440000","type":"langfuse","name":null,"enabled":false,"sampling_rate":0.25}`)); err != nil {
		t.Fatal(err)
	}
	s, err := openrouter.SummarizeDestination(d)
	if err != nil || s.Type != "langfuse" || s.Name != nil || s.SamplingRate != 0.25 || s.ID.String() != "550e8400-e29b-41d4-a716-446655440000" {
		t.Errorf("summary %+v, %v", s, err)
	}
	if err := d.UnmarshalJSON([]byte(`{"id":"not-a-uuid","type":"webhook"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := openrouter.SummarizeDestination(d); err == nil {
		t.Error("a destination with a malformed id summarized without error")
	}
}
