package openroutertest_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// uploadSample is a multipart/form-data body of uploadFile.
const uploadSample = "--XyZ\r\n" +
	"Content-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n" +
	"Content-Type: text/plain\r\n\r\n" +
	"quarterly numbers\r\n" +
	"--XyZ--\r\n"

func init() {
	sampleHeaders["uploadFile"] = []string{"Content-Type", "multipart/form-data; boundary=XyZ"}
	sampleContentTypes["downloadFileContent"] = "application/octet-stream"
	for id, s := range map[string]sample{
		"listFiles":           {"GET", "/files?limit=1", "", false, 200, []string{`"_shape":"openrouter"`, `"id":"file-fake-sample-1"`, `"has_more":true`, `"cursor":"cur_file-fake-sample-1"`}},
		"uploadFile":          {"POST", "/files", uploadSample, false, 200, []string{`"filename":"report.txt"`, `"mime_type":"text/plain"`, `"size_bytes":17`}},
		"getFileMetadata":     {"GET", "/files/file-abc?provider=openai", "", false, 200, []string{`"_shape":"openai"`, `"id":"file-abc"`, `"object":"file"`}},
		"deleteFile":          {"DELETE", "/files/file-abc", "", false, 200, []string{`"id":"file-abc"`, `"type":"file_deleted"`}},
		"downloadFileContent": {"GET", "/files/file-fake-sample-2/content", "", false, 200, []string{"name,score"}},

		"getAnalyticsMeta":       {"GET", "/analytics/meta", "", false, 200, []string{`"granularities"`, `"display_format":"currency"`}},
		"queryAnalytics":         {"POST", "/analytics/query", `{"metrics":["requests","cost"],"dimensions":["model"]}`, false, 200, []string{`"model":"model-2"`, `"cost":201`, `"row_count":2`}},
		"getBenchmarks":          {"GET", "/benchmarks?source=design-arena", "", false, 200, []string{`"elo":1210.5`, `"model_count":1`, `"source":"design-arena"`}},
		"getTaskClassifications": {"GET", "/classifications/task?window=7d", "", false, 200, []string{`"window_days":7`, `"tag":"programming"`}},
		"getAppRankings":         {"GET", "/datasets/app-rankings?offset=2&limit=2", "", false, 200, []string{`"rank":3`, `"app_name":"SillyTavern"`}},
		"getRankingsDaily":       {"GET", "/datasets/rankings-daily?start_date=2025-02-01", "", false, 200, []string{`"date":"2025-02-01"`, `"start_date":"2025-02-01"`}},
		"getSessionCost":         {"GET", "/datasets/session-cost?app_slug=aider", "", false, 200, []string{`"app_slug":"aider"`, `"turn_range":"10-49-turns"`}},
		"listGenerationContent":  {"GET", "/generation/content?id=gen-123", "", false, 200, []string{`"completion":"You said: Hello there"`}},
		"submitGenerationFeedback": {"POST", "/generation/feedback", `{"generation_id":"gen-123","category":"latency","comment":"slow"}`, false, 200,
			[]string{`"success":true`}},
		"getModel": {"GET", "/model/openai/gpt-4o-mini", "", false, 200, []string{`"id":"openai/gpt-4o-mini"`, `"context_length":128000`}},
	} {
		samples[id] = s
	}
}

// TestFakeFileStore uploads, lists, downloads and deletes a file: the
// fake keeps the files of each server.
func TestFakeFileStore(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	mp := sampleHeaders["uploadFile"]
	status, _, body := do(t, srv, "POST", "/files?provider=anthropic", uploadSample, mp...)
	if status != 200 || !strings.Contains(string(body), `"_shape":"anthropic"`) {
		t.Fatalf("upload: %d %s", status, body)
	}
	id := jsonBody(t, body)["id"].(string)

	_, _, body = do(t, srv, "GET", "/files/"+id+"/content", "")
	if string(body) != "quarterly numbers" {
		t.Errorf("download %q", body)
	}
	_, _, body = do(t, srv, "GET", "/files/"+id, "")
	if !strings.Contains(string(body), `"filename":"report.txt"`) {
		t.Errorf("metadata %s", body)
	}
	_, _, body = do(t, srv, "GET", "/files?provider=anthropic&after_id=file-fake-sample-2", "")
	if !strings.Contains(string(body), `"id":"`+id+`"`) || strings.Contains(string(body), "sample") {
		t.Errorf("list after sample 2: %s", body)
	}
	do(t, srv, "DELETE", "/files/"+id, "")
	_, _, body = do(t, srv, "GET", "/files?order=desc", "")
	if strings.Contains(string(body), id) || !strings.Contains(string(body), `"first_id":"file-fake-sample-2"`) {
		t.Errorf("list after delete: %s", body)
	}
	// Another server has a store of its own.
	other := openroutertest.NewServer(t)
	_, _, body = do(t, other, "GET", "/files/"+id+"/content", "")
	if bytes.Equal(body, []byte("quarterly numbers")) {
		t.Error("the file leaked into another server's store")
	}
	if f := srv.Failures(); len(f) != 0 {
		t.Errorf("Failures() = %v", f)
	}
}

// TestFakeUploadRejectsBadMultipart checks that the spec validation reads
// the multipart body: an unknown part, or no "file" part, is rejected by
// the validator before the default answer runs.
func TestFakeUploadRejectsBadMultipart(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"unknown part": "--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XyZ--\r\n",
		"no file part": "--XyZ--\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
			status, _, resp := do(t, srv, "POST", "/files", body, sampleHeaders["uploadFile"]...)
			if status != http.StatusBadRequest || !strings.Contains(string(resp), "invalid request body") {
				t.Errorf("status %d, want 400 from the validator: %s", status, resp)
			}
			t.Logf("%s", resp)
		})
	}
}
