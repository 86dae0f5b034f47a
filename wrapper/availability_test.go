package openrouter_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func availabilityBody(status int, errorType, code string, retryable bool, extra string) string {
	r := "false"
	if retryable {
		r = "true"
	}
	return `{"error":{"code":` + itoa(status) + `,"message":"model trouble","error_type":"` + errorType + `","availability":{"code":"` + code +
		`","retryable":` + r + `,"requested_models":["acme/m-1"],"docs_url":"https://openrouter.ai/docs/errors#` + code + `"` + extra + `}}}`
}

func TestAvailabilityErrorIsTyped(t *testing.T) {
	t.Parallel()
	body := availabilityBody(404, "not_found", "model_deprecated", false, `,"fallback_models":["acme/m-2"],"excluded_by":["geo"],"constraint":{"field":"max_price","detail":"too dear"}`)
	ts := newTestServer(t, jsonHandler(404, body))
	_, err := sendChat(t, ts.client(t))
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || apiErr.Availability == nil {
		t.Fatalf("error %v, want an APIError with Availability", err)
	}
	a := apiErr.Availability
	if a.Code != "model_deprecated" || a.Retryable || a.DocsURL == "" || a.Constraint == nil || a.Constraint.Field != "max_price" {
		t.Errorf("Availability %+v", a)
	}
	if diff := cmp.Diff([]string{"acme/m-2"}, apiErr.FallbackModels()); diff != "" {
		t.Errorf("FallbackModels (-want +got):\n%s", diff)
	}
	if apiErr.Type != "not_found" {
		t.Errorf("Type %q", apiErr.Type)
	}
	if !errors.Is(err, openrouter.ErrModelDeprecated) || !errors.Is(err, openrouter.ErrNotFound) || errors.Is(err, openrouter.ErrNoEndpoints) {
		t.Errorf("sentinels wrong for %v", err)
	}
	if n := len(ts.requests()); n != 1 {
		t.Errorf("%d requests for a non-retryable availability error", n)
	}
}

func TestAvailabilitySentinels(t *testing.T) {
	t.Parallel()
	for code, sentinel := range map[string]error{
		"model_not_found": openrouter.ErrModelNotFound, "wrong_endpoint": openrouter.ErrWrongEndpoint,
		"no_endpoints": openrouter.ErrNoEndpoints, "model_deprecated": openrouter.ErrModelDeprecated,
		"model_unavailable_upstream": openrouter.ErrModelUnavailableUpstream, "capacity_exhausted": openrouter.ErrCapacityExhausted,
		"temporarily_unavailable": openrouter.ErrTemporarilyUnavailable, "region_restricted": openrouter.ErrRegionRestricted,
		"privacy_restricted": openrouter.ErrPrivacyRestricted, "constraint_filtered": openrouter.ErrConstraintFiltered,
		"free_variant_ended": openrouter.ErrFreeVariantEnded,
	} {
		e := &openrouter.APIError{StatusCode: 404, Availability: &openrouter.Availability{Code: openrouter.AvailabilityCode(code)}}
		if !errors.Is(e, sentinel) {
			t.Errorf("%s does not match its sentinel", code)
		}
		if errors.Is(&openrouter.APIError{StatusCode: 404}, sentinel) {
			t.Errorf("an error without availability matches the %s sentinel", code)
		}
	}
}

// The retry decision follows availability.retryable over the status, and
// waits for availability.retry_after when no header gave a wait.
func TestAvailabilityDrivesRetries(t *testing.T) {
	t.Parallel()
	t.Run("retryable 429 with retry_after", func(t *testing.T) {
		t.Parallel()
		body := availabilityBody(429, "rate_limit_exceeded", "capacity_exhausted", true, `,"retry_after":0.2`)
		ts := newTestServer(t, sequence(jsonHandler(429, body), jsonHandler(200, okChat)))
		start := time.Now()
		if _, err := sendChat(t, ts.client(t)); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(start); el < 180*time.Millisecond {
			t.Errorf("retried after %v, before retry_after (200ms)", el)
		}
	})
	t.Run("retryable 404", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, sequence(jsonHandler(404, availabilityBody(404, "not_found", "no_endpoints", true, "")), jsonHandler(200, okChat)))
		if _, err := sendChat(t, ts.client(t)); err != nil {
			t.Fatalf("a 404 marked retryable was not retried: %v", err)
		}
	})
	t.Run("non-retryable 503", func(t *testing.T) {
		t.Parallel()
		ts := newTestServer(t, jsonHandler(503, availabilityBody(503, "provider_overloaded", "temporarily_unavailable", false, "")))
		_, err := sendChat(t, ts.client(t))
		if !errors.Is(err, openrouter.ErrTemporarilyUnavailable) {
			t.Errorf("error %v", err)
		}
		if n := len(ts.requests()); n != 1 {
			t.Errorf("%d requests for a 503 marked not retryable", n)
		}
	})
}

func TestAvailabilityOnStreamErrorChunk(t *testing.T) {
	t.Parallel()
	chunk := `{"id":"gen-s","object":"chat.completion.chunk","created":1,"model":"m","error":{"code":429,"message":"at capacity","metadata":{"error_type":"rate_limit_exceeded"},"availability":{"code":"capacity_exhausted","retryable":true,"requested_models":["m"],"docs_url":"d","fallback_models":["m2"]}},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}`
	ts := newTestServer(t, sseHandler(0, "data: "+chunkJSON("a")+"\n\n", "data: "+chunk+"\n\n"))
	stream, err := streamChat(t, ts.client(t))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = collect(stream)
	var apiErr *openrouter.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, openrouter.ErrCapacityExhausted) || apiErr.Type != "rate_limit_exceeded" || len(apiErr.FallbackModels()) != 1 {
		t.Errorf("stream error %v (%+v)", err, apiErr)
	}
}
