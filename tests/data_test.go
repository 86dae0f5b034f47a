package tests

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Contract tests of the files, analytics, benchmarks, classifications,
// datasets, generation content and feedback operations, and getModel.
func init() {
	register(map[string]contract{
		"listFiles": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.FileListResponse](t)(c.Files.List(ctx, &openrouter.ListFilesParams{Limit: ptr(1), Order: ptr(gen.ListFilesOrderParamDesc)}))
			r := only(t, srv, "listFiles")
			expectRequest(t, r, "GET", "/files", nil)
			check(t, "query", r.Query.Encode(), "limit=1&order=desc")
			page := must[gen.OpenRouterFileList](t)(resp.AsOpenRouterFileList())
			check(t, "files", len(page.Data), 1)
			check(t, "first file", page.Data[0].ID, "file-fake-sample-2")
			check(t, "has more", page.HasMore, true)
			if page.Cursor == nil || *page.Cursor == "" {
				t.Error("no cursor on a page with more")
			}
		},
		"uploadFile": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.FileResponse](t)(c.Files.Upload(ctx, openrouter.FileUpload{Filename: "report \"Q1\".txt", ContentType: "text/plain", Body: strings.NewReader("quarterly numbers"), Provider: openrouter.FileProviderAnthropic,
				WorkspaceID: must[openrouter.UUID](t)(openrouter.ParseUUID("550e8400-e29b-41d4-a716-446655440000"))}))
			r := only(t, srv, "uploadFile")
			expectRequest(t, r, "POST", "/files", nil)
			check(t, "provider query", r.Query.Get("provider"), "anthropic")
			check(t, "workspace query", r.Query.Get("workspace_id"), "550e8400-e29b-41d4-a716-446655440000")
			name, ctype, content := uploadedFile(t, r)
			check(t, "part filename", name, `report "Q1".txt`)
			check(t, "part content type", ctype, "text/plain")
			check(t, "part content", string(content), "quarterly numbers")
			f := must[gen.AnthropicFile](t)(resp.AsAnthropicFile())
			check(t, "shape", must[string](t)(resp.Discriminator()), openrouter.FileShapeAnthropic)
			check(t, "filename", f.Filename, `report "Q1".txt`)
			check(t, "mime type", f.MimeType, "text/plain")
			check(t, "size", f.SizeBytes, len("quarterly numbers"))
			if f.ID == "" {
				t.Error("no file id")
			}
		},
		"getFileMetadata": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.FileResponse](t)(c.Files.Get(ctx, "file-abc", &openrouter.FileParams{Provider: ptr(openrouter.FileProviderOpenAI)}))
			r := only(t, srv, "getFileMetadata")
			expectRequest(t, r, "GET", "/files/file-abc", nil)
			check(t, "provider query", r.Query.Get("provider"), "openai")
			f := must[gen.OpenAIFile](t)(resp.AsOpenAIFile())
			check(t, "shape", must[string](t)(resp.Discriminator()), openrouter.FileShapeOpenAI)
			check(t, "id", f.ID, "file-abc")
			check(t, "object", f.Object, "file")
		},
		"deleteFile": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.FileDeleteResponse](t)(c.Files.Delete(ctx, "file-fake-sample-1", nil))
			expectRequest(t, only(t, srv, "deleteFile"), "DELETE", "/files/file-fake-sample-1", nil)
			d := must[gen.OpenRouterFileDeleted](t)(resp.AsOpenRouterFileDeleted())
			check(t, "deleted id", d.ID, "file-fake-sample-1")
			check(t, "type", d.Type, "file_deleted")
			// The fake forgets the file: the listing no longer has it.
			page := must[gen.OpenRouterFileList](t)(must[*openrouter.FileListResponse](t)(c.Files.List(ctx, nil)).AsOpenRouterFileList())
			for _, f := range page.Data {
				if f.ID == "file-fake-sample-1" {
					t.Error("the deleted file is still listed")
				}
			}
		},
		"downloadFileContent": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.BinaryResponse](t)(c.Files.Download(ctx, "file-fake-sample-2", nil))
			defer resp.Close()
			b := must[[]byte](t)(io.ReadAll(resp))
			r := only(t, srv, "downloadFileContent")
			expectRequest(t, r, "GET", "/files/file-fake-sample-2/content", nil)
			check(t, "Accept", r.Header.Get("Accept"), "*/*")
			check(t, "content", string(b), "name,score\nalpha,1\nbeta,2\n")
			check(t, "content type", resp.ContentType, "application/octet-stream")
		},

		"getAnalyticsMeta": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.AnalyticsMetaResponse](t)(c.Analytics.GetMeta(ctx))
			expectRequest(t, only(t, srv, "getAnalyticsMeta"), "GET", "/analytics/meta", nil)
			if len(resp.Data.Metrics) == 0 || len(resp.Data.Dimensions) == 0 || len(resp.Data.Operators) == 0 || len(resp.Data.Granularities) == 0 {
				t.Errorf("incomplete meta: %+v", resp.Data)
			}
			check(t, "first metric", resp.Data.Metrics[0].Name, "requests")
		},
		"queryAnalytics": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.AnalyticsQueryResponse](t)(c.Analytics.Query(ctx, openrouter.AnalyticsQueryRequest{
				Metrics: []string{"requests", "cost"}, Dimensions: []string{"model"}, Granularity: "day", Limit: ptr(10),
			}))
			expectRequest(t, only(t, srv, "queryAnalytics"), "POST", "/analytics/query",
				map[string]any{"metrics": []any{"requests", "cost"}, "dimensions": []any{"model"}, "granularity": "day", "limit": 10})
			check(t, "rows", len(resp.Data.Data), 2)
			check(t, "row count", resp.Data.Metadata.RowCount, 2)
			row := resp.Data.Data[1]
			check(t, "row", []any{row["model"], row["date"], row["requests"], row["cost"]}, []any{"model-2", "2025-01-15", 200, 201})
		},
		"getBenchmarks": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.BenchmarksResponse](t)(c.Benchmarks.List(ctx, &openrouter.BenchmarksParams{Source: ptr(gen.GetBenchmarksSourceParamDesignArena), MaxResults: ptr(5)}))
			r := only(t, srv, "getBenchmarks")
			expectRequest(t, r, "GET", "/benchmarks", nil)
			check(t, "query", r.Query.Encode(), "max_results=5&source=design-arena")
			check(t, "items", len(resp.Data), 1)
			da := must[gen.BenchmarkDARow](t)(resp.Data[0].AsBenchmarkDARow())
			check(t, "source", da.Source, "design-arena")
			check(t, "elo", da.Elo, 1210.5)
			check(t, "meta count", resp.Meta.ModelCount, 1)
		},
		"getTaskClassifications": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.TaskClassificationsResponse](t)(c.Classifications.GetTasks(ctx, &openrouter.TaskClassificationsParams{Window: ptr(gen.GetTaskClassificationsWindowParamN7D)}))
			r := only(t, srv, "getTaskClassifications")
			expectRequest(t, r, "GET", "/classifications/task", nil)
			check(t, "window query", r.Query.Get("window"), "7d")
			check(t, "window days", resp.Data.WindowDays, 7)
			if len(resp.Data.Classifications) == 0 || len(resp.Data.Classifications[0].Models) == 0 {
				t.Errorf("no classifications with models: %+v", resp.Data)
			}
		},
		"getAppRankings": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.AppRankingsResponse](t)(c.Datasets.GetAppRankings(ctx, &openrouter.AppRankingsParams{
				Sort: ptr(gen.GetAppRankingsSortParamTrending), StartDate: ptr("2025-01-01"), Offset: ptr(2), Limit: ptr(2),
			}))
			r := only(t, srv, "getAppRankings")
			expectRequest(t, r, "GET", "/datasets/app-rankings", nil)
			check(t, "query", r.Query.Encode(), "limit=2&offset=2&sort=trending&start_date=2025-01-01")
			check(t, "apps", len(resp.Data), 2)
			check(t, "first rank", resp.Data[0].Rank, 3)
			check(t, "start date", resp.Meta.StartDate, "2025-01-01")
		},
		"getRankingsDaily": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.RankingsDailyResponse](t)(c.Datasets.GetRankingsDaily(ctx, &openrouter.RankingsDailyParams{
				StartDate: ptr("2025-02-01"), EndDate: ptr("2025-02-07"), Period: ptr(gen.GetRankingsDailyPeriodParamDay),
			}))
			r := only(t, srv, "getRankingsDaily")
			expectRequest(t, r, "GET", "/datasets/rankings-daily", nil)
			check(t, "query", r.Query.Encode(), "end_date=2025-02-07&period=day&start_date=2025-02-01")
			if len(resp.Data) == 0 || resp.Data[0].Date != "2025-02-01" {
				t.Errorf("rows %+v", resp.Data)
			}
			check(t, "end date", resp.Meta.EndDate, "2025-02-07")
		},
		"getSessionCost": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.SessionCostResponse](t)(c.Datasets.GetSessionCost(ctx, &openrouter.SessionCostParams{
				AppSlug: ptr("aider"), TurnRange: ptr(gen.GetSessionCostTurnRangeParamN29Turns),
			}))
			r := only(t, srv, "getSessionCost")
			expectRequest(t, r, "GET", "/datasets/session-cost", nil)
			check(t, "query", r.Query.Encode(), "app_slug=aider&turn_range=2-9-turns")
			check(t, "rows", len(resp.Data), 1)
			check(t, "row", []any{resp.Data[0].AppSlug, resp.Data[0].TurnRange}, []any{"aider", "2-9-turns"})
		},
		"listGenerationContent": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GenerationContentResponse](t)(c.Generations.GetContent(ctx, "gen-123"))
			r := only(t, srv, "listGenerationContent")
			expectRequest(t, r, "GET", "/generation/content", nil)
			check(t, "id query", r.Query.Get("id"), "gen-123")
			if resp.Data.Output.Completion == nil || *resp.Data.Output.Completion != "You said: Hello there" {
				t.Errorf("output %+v", resp.Data.Output)
			}
			in := must[gen.GenerationContentDataInputObject2](t)(resp.Data.Input.AsGenerationContentDataInputObject2())
			check(t, "input messages", len(in.Messages), 2)
			if resp.Data.Error != nil {
				t.Errorf("error %+v", resp.Data.Error)
			}
		},
		"submitGenerationFeedback": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.GenerationFeedbackResponse](t)(c.Generations.SubmitFeedback(ctx, openrouter.GenerationFeedbackRequest{
				GenerationID: "gen-123", Category: gen.SubmitGenerationFeedbackRequestCategoryIncorrectResponse, Comment: "wrong sum",
			}))
			expectRequest(t, only(t, srv, "submitGenerationFeedback"), "POST", "/generation/feedback",
				map[string]any{"generation_id": "gen-123", "category": "incorrect_response", "comment": "wrong sum"})
			check(t, "success", resp.Data.Success, true)
		},
		"getModel": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.ModelResponse](t)(c.Models.Get(ctx, "anthropic", "claude-3.5-haiku"))
			expectRequest(t, only(t, srv, "getModel"), "GET", "/model/anthropic/claude-3.5-haiku", nil)
			check(t, "id", resp.Data.ID, "anthropic/claude-3.5-haiku")
			check(t, "name", resp.Data.Name, "Anthropic: Claude 3.5 Haiku")
		},
	})
}

// uploadedFile parses the multipart body of an uploadFile request and
// returns its "file" part.
func uploadedFile(t *testing.T, r openroutertest.Request) (filename, contentType string, content []byte) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type %q: %v", r.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	var found bool
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("multipart body: %v", err)
		}
		if part.FormName() != "file" || found {
			t.Fatalf("unexpected part %q", part.FormName())
		}
		found = true
		filename, contentType = part.FileName(), part.Header.Get("Content-Type")
		content = must[[]byte](t)(io.ReadAll(part))
	}
	if !found {
		t.Fatal(`no "file" part`)
	}
	return filename, contentType, content
}

// seqIDs maps an iterator's items to their ids.
func seqIDs[T any](seq iter.Seq2[T, error], id func(T) string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for v, err := range seq {
			var s string
			if err == nil {
				s = id(v)
			}
			if !yield(s, err) {
				return
			}
		}
	}
}

// iterCase is an iterator over scripted pages: op answers each page in
// turn, and param is the query parameter that moves from page to page,
// whose values the requests must carry in turn ("" for none).
type iterCase struct {
	op        openroutertest.OperationID
	pages     []any
	param     string
	wantParam []string
	wantIDs   string
	// query holds query values every request must carry.
	query map[string]string
	all   func(c *openrouter.Client) iter.Seq2[string, error]
}

// runIterCase checks that the iterator fetches the scripted pages in
// order, fetches no more after an early break, and stops at an error
// (after the first page, when there are more).
func runIterCase(t *testing.T, tc iterCase) {
	t.Run("all pages", func(t *testing.T) {
		t.Parallel()
		srv := openroutertest.NewServer(t)
		c := must[*openrouter.Client](t)(srv.Client())
		for _, p := range tc.pages {
			srv.Enqueue(tc.op, openroutertest.Response{JSON: p})
		}
		var ids []string
		for id, err := range tc.all(c) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		check(t, "ids", strings.Join(ids, " "), tc.wantIDs)
		reqs := srv.RequestsFor(tc.op)
		var got []string
		for _, r := range reqs {
			got = append(got, r.Query.Get(tc.param))
			for k, v := range tc.query {
				check(t, "query "+k, r.Query.Get(k), v)
			}
		}
		check(t, "requests' "+tc.param, got, tc.wantParam)
		check(t, "pages left", srv.Pending(tc.op), 0)
	})
	t.Run("early break", func(t *testing.T) {
		t.Parallel()
		srv := openroutertest.NewServer(t)
		c := must[*openrouter.Client](t)(srv.Client())
		for _, p := range tc.pages {
			srv.Enqueue(tc.op, openroutertest.Response{JSON: p})
		}
		for id, err := range tc.all(c) {
			if err != nil || id == "" {
				t.Fatalf("first item %q, %v", id, err)
			}
			break
		}
		check(t, "requests", len(srv.RequestsFor(tc.op)), 1)
	})
	if len(tc.pages) == 1 {
		return // the iteration ends after the only page
	}
	t.Run("error stops", func(t *testing.T) {
		t.Parallel()
		srv := openroutertest.NewServer(t)
		c := must[*openrouter.Client](t)(srv.Client())
		srv.Enqueue(tc.op, openroutertest.Response{JSON: tc.pages[0]})
		srv.Enqueue(tc.op, openroutertest.ErrorResponse(403, "no access"))
		var n, errs int
		for _, err := range tc.all(c) {
			if err != nil {
				wantAPIError(t, err, 403)
				errs++
				continue
			}
			if errs > 0 {
				t.Fatal("an item after the error")
			}
			n++
		}
		check(t, "errors", errs, 1)
		if n == 0 {
			t.Error("no items of the first page")
		}
		check(t, "requests", len(srv.RequestsFor(tc.op)), 2)
	})
}

// sampleModels returns n models with ids m0..m(n-1), valid for the spec.
func sampleModels(t *testing.T, n int) []openrouter.Model {
	t.Helper()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client())
	base := must[*openrouter.ModelsListResponse](t)(c.Models.List(ctx, nil)).Data[0]
	out := make([]openrouter.Model, n)
	for i := range out {
		out[i] = base
		out[i].ID = fmt.Sprintf("m%d", i)
	}
	return out
}

func modelPage(models []openrouter.Model, total int) openrouter.ModelsListResponse {
	return openrouter.ModelsListResponse{Data: models, TotalCount: total}
}

func TestModelIterators(t *testing.T) {
	t.Parallel()
	ms := sampleModels(t, 5)
	pages := []any{modelPage(ms[0:2], 5), modelPage(ms[2:4], 5), modelPage(ms[4:], 5)}
	modelID := func(m openrouter.Model) string { return m.ID }
	for name, tc := range map[string]iterCase{
		"Models.ListAll": {op: "getModels", pages: pages, param: "offset", wantParam: []string{"0", "2", "4"}, wantIDs: "m0 m1 m2 m3 m4",
			query: map[string]string{"limit": "2", "category": "programming"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Models.ListAll(ctx, &openrouter.ListModelsParams{Limit: ptr(2), Category: ptr(gen.GetModelsCategoryParamProgramming)}), modelID)
			}},
		"Models.ListForUserAll": {op: "listModelsUser", pages: pages, param: "offset", wantParam: []string{"0", "2", "4"}, wantIDs: "m0 m1 m2 m3 m4",
			query: map[string]string{"limit": "2"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Models.ListForUserAll(ctx, &openrouter.ListUserModelsParams{Limit: ptr(2)}), modelID)
			}},
		// A total below the items received is ignored: the short page ends it.
		"Embeddings.ListModelsAll": {op: "listEmbeddingsModels", pages: []any{modelPage(ms[0:2], 0), modelPage(ms[2:4], 1), modelPage(ms[4:], 1)},
			param: "offset", wantParam: []string{"0", "2", "4"}, wantIDs: "m0 m1 m2 m3 m4", query: map[string]string{"limit": "2"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Embeddings.ListModelsAll(ctx, &openrouter.ListEmbeddingsModelsParams{Limit: ptr(2)}), modelID)
			}},
		// The page size is capped at the API's maximum; the total ends it.
		"Models.ListAll capped": {op: "getModels", pages: []any{modelPage(ms[0:3], 3)}, param: "limit", wantParam: []string{"1000"}, wantIDs: "m0 m1 m2",
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Models.ListAll(ctx, &openrouter.ListModelsParams{Limit: ptr(5000)}), modelID)
			}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runIterCase(t, tc)
		})
	}
}

func TestAPIKeysListAll(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client())
	base := must[*openrouter.APIKeyListResponse](t)(c.APIKeys.List(ctx, nil)).Data[0]
	key := func(h string) openrouter.APIKey { k := base; k.Hash = h; return k }
	page := func(keys ...openrouter.APIKey) any {
		return map[string]any{"data": append([]openrouter.APIKey{}, keys...)}
	}
	runIterCase(t, iterCase{
		op: "listKeys", pages: []any{page(key("k0"), key("k1")), page(key("k2")), page()},
		param: "offset", wantParam: []string{"0", "2", "3"}, wantIDs: "k0 k1 k2",
		query: map[string]string{"include_disabled": "true"},
		all: func(c *openrouter.Client) iter.Seq2[string, error] {
			return seqIDs(c.APIKeys.ListAll(ctx, &openrouter.ListAPIKeysParams{IncludeDisabled: ptr(true)}), func(k openrouter.APIKey) string { return k.Hash })
		},
	})
}

func TestDatasetIterators(t *testing.T) {
	t.Parallel()
	meta := map[string]any{"as_of": "2025-01-15T10:30:00Z", "version": "v1", "start_date": "2025-01-01", "end_date": "2025-01-07"}
	apps := func(ranks ...int) any {
		data := []any{}
		for _, r := range ranks {
			data = append(data, map[string]any{"rank": r, "app_id": r, "app_name": fmt.Sprint("app", r), "total_tokens": "100", "total_requests": 1})
		}
		return map[string]any{"data": data, "meta": meta}
	}
	rows := func(slugs ...string) any {
		data := []any{}
		for _, s := range slugs {
			data = append(data, map[string]any{"app_slug": s, "app_name": s, "turn_range": "1-turn", "model_permaslug": "m/x", "median_session_cost_usd": 0.01})
		}
		return map[string]any{"data": data, "meta": map[string]any{"as_of": "2025-01-15T10:30:00Z", "version": "v1", "window_days": nil, "window_end_date": nil}}
	}
	rank := func(a openrouter.AppRanking) string { return fmt.Sprint(a.Rank) }
	slug := func(s openrouter.SessionCost) string { return s.AppSlug }
	for name, tc := range map[string]iterCase{
		"GetAppRankingsAll": {op: "getAppRankings", pages: []any{apps(1, 2), apps(3, 4), apps(5)}, param: "offset", wantParam: []string{"0", "2", "4"},
			wantIDs: "1 2 3 4 5", query: map[string]string{"limit": "2", "category": "coding"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Datasets.GetAppRankingsAll(ctx, &openrouter.AppRankingsParams{Limit: ptr(2), Category: ptr(gen.GetAppRankingsCategoryParamCoding)}), rank)
			}},
		// The API serves no offset beyond 100: the page there is the last.
		"GetAppRankingsAll offset limit": {op: "getAppRankings", pages: []any{apps(96, 97, 98, 99), apps(100, 101, 102, 103)}, param: "offset",
			wantParam: []string{"96", "100"}, wantIDs: "96 97 98 99 100 101 102 103", query: map[string]string{"limit": "4"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Datasets.GetAppRankingsAll(ctx, &openrouter.AppRankingsParams{Offset: ptr(96), Limit: ptr(4)}), rank)
			}},
		"GetSessionCostAll": {op: "getSessionCost", pages: []any{rows("a", "b", "c"), rows("d", "e", "f"), rows()}, param: "offset",
			wantParam: []string{"0", "3", "6"}, wantIDs: "a b c d e f", query: map[string]string{"limit": "3", "model": "m/x"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Datasets.GetSessionCostAll(ctx, &openrouter.SessionCostParams{Limit: ptr(3), Model: ptr("m/x")}), slug)
			}},
		"GetSessionCostAll capped": {op: "getSessionCost", pages: []any{rows("a")}, param: "limit", wantParam: []string{"500"}, wantIDs: "a",
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Datasets.GetSessionCostAll(ctx, &openrouter.SessionCostParams{Limit: ptr(9999)}), slug)
			}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runIterCase(t, tc)
		})
	}
}

// fileID is the id of a file in any shape.
func fileID(f openrouter.FileResponse) string { return f.ID() }

func TestFilesListAll(t *testing.T) {
	t.Parallel()
	file := func(id string) map[string]any {
		return map[string]any{"_shape": "openrouter", "id": id, "type": "file", "filename": id + ".txt", "mime_type": "text/plain",
			"size_bytes": 1, "created_at": "2025-01-15T10:30:00Z", "downloadable": true}
	}
	page := func(cursor any, ids ...string) any {
		data := []any{}
		for _, id := range ids {
			data = append(data, file(id))
		}
		return map[string]any{"_shape": "openrouter", "data": data, "has_more": cursor != nil, "cursor": cursor, "first_id": nil, "last_id": nil}
	}
	t.Run("scripted", func(t *testing.T) {
		t.Parallel()
		runIterCase(t, iterCase{
			op: "listFiles", pages: []any{page("c1", "f1", "f2"), page("c2", "f3"), page(nil, "f4")},
			param: "cursor", wantParam: []string{"", "c1", "c2"}, wantIDs: "f1 f2 f3 f4", query: map[string]string{"limit": "2"},
			all: func(c *openrouter.Client) iter.Seq2[string, error] {
				return seqIDs(c.Files.ListAll(ctx, &openrouter.ListFilesParams{Limit: ptr(2)}), fileID)
			},
		})
	})
	// Against the fake's file store, in each shape: two sample files and
	// three uploads, two a page.
	for shape, param := range map[string]string{"openrouter": "cursor", "openai": "after", "anthropic": "after_id"} {
		t.Run(shape, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t)
			c := must[*openrouter.Client](t)(srv.Client())
			var fileProvider openrouter.FileProvider
			lp := &openrouter.ListFilesParams{Limit: ptr(2)}
			if shape != "openrouter" {
				fileProvider = openrouter.FileProvider(shape)
				lp.Provider = &fileProvider
			}
			want := []string{"file-fake-sample-1", "file-fake-sample-2"}
			for i := range 3 {
				f := must[*openrouter.FileResponse](t)(c.Files.Upload(ctx, openrouter.FileUpload{Filename: fmt.Sprint("f", i), Body: strings.NewReader("x"), Provider: fileProvider}))
				want = append(want, fileID(*f))
			}
			var got []string
			for f, err := range c.Files.ListAll(ctx, lp) {
				if err != nil {
					t.Fatal(err)
				}
				check(t, "shape", must[string](t)(f.Discriminator()), shape)
				got = append(got, fileID(f))
			}
			check(t, "ids", got, want)
			var params []string
			for _, r := range srv.RequestsFor("listFiles") {
				params = append(params, r.Query.Get(param))
			}
			cursor := map[string]string{"openrouter": "cur_"}[shape]
			check(t, param+" of the pages", params, []string{"", cursor + want[1], cursor + want[3]})
		})
	}
}

// endless is a reader of n bytes (forever when n < 0) that is neither a
// bytes.Reader nor a strings.Reader, so its length is unknown to net/http.
type endless struct{ n, read int64 }

func (r *endless) Read(p []byte) (int, error) {
	if r.n >= 0 && r.read >= r.n {
		return 0, io.EOF
	}
	if r.n >= 0 {
		p = p[:min(int64(len(p)), r.n-r.read)]
	}
	for i := range p {
		p[i] = byte('a' + (r.read+int64(i))%26)
	}
	r.read += int64(len(p))
	return len(p), nil
}

func TestFilesUploadLarge(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client())
	const size = 8 << 20
	resp := must[*openrouter.FileResponse](t)(c.Files.Upload(ctx, openrouter.FileUpload{Filename: "big.bin", ContentType: "application/octet-stream", Body: &endless{n: size}}))
	f := must[gen.OpenRouterFile](t)(resp.AsOpenRouterFile())
	check(t, "size", f.SizeBytes, size)
	_, ctype, content := uploadedFile(t, only(t, srv, "uploadFile"))
	check(t, "content type", ctype, "application/octet-stream")
	want := must[[]byte](t)(io.ReadAll(&endless{n: size}))
	if !bytes.Equal(content, want) {
		t.Errorf("the server received %d bytes that differ from the %d sent", len(content), size)
	}
	// And back: the download streams the same bytes.
	dl := must[*openrouter.BinaryResponse](t)(c.Files.Download(ctx, f.ID, nil))
	defer dl.Close()
	if got := must[[]byte](t)(io.ReadAll(dl)); !bytes.Equal(got, want) {
		t.Errorf("downloaded %d bytes that differ", len(got))
	}
}

func TestFilesUploadIsNotRetried(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client(openrouter.WithMaxRetries(3)))
	srv.Enqueue("uploadFile", openroutertest.ErrorResponse(503, "busy"))
	_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "a.txt", ContentType: "text/plain", Body: strings.NewReader("abc")})
	wantAPIError(t, err, 503)
	check(t, "attempts", len(srv.RequestsFor("uploadFile")), 1)
	// Other file calls are retried as usual.
	srv.Enqueue("getFileMetadata", openroutertest.ErrorResponse(503, "busy"))
	must[*openrouter.FileResponse](t)(c.Files.Get(ctx, "file-1", nil))
	check(t, "Get attempts", len(srv.RequestsFor("getFileMetadata")), 2)
}

type failingReader struct{ err error }

func (r failingReader) Read([]byte) (int, error) { return 0, r.err }

func TestFilesUploadReaderError(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t, openroutertest.AllowInvalidRequests())
	c := must[*openrouter.Client](t)(srv.Client())
	boom := errors.New("disk on fire")
	_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "a.txt", ContentType: "text/plain", Body: io.MultiReader(strings.NewReader("partial"), failingReader{boom})})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want one wrapping %v", err, boom)
	}
}

// TestDataBadInput checks that missing arguments fail without a request.
func TestDataBadInput(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client())
	for name, call := range map[string]func() error{
		"Upload nil reader": func() error {
			_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "a.txt", Body: nil})
			return err
		},
		"Upload empty filename": func() error {
			_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: " ", Body: strings.NewReader("x")})
			return err
		},
		"Upload bad filename": func() error {
			_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "a.txt\r\nX-Evil: 1", Body: strings.NewReader("x")})
			return err
		},
		"Upload bad content type": func() error {
			_, err := c.Files.Upload(ctx, openrouter.FileUpload{Filename: "a.txt", ContentType: "text/plain\r\nX-Evil: 1", Body: strings.NewReader("x")})
			return err
		},
		"Get empty id":        func() error { _, err := c.Files.Get(ctx, "", nil); return err },
		"Delete empty id":     func() error { _, err := c.Files.Delete(ctx, "", nil); return err },
		"Download empty id":   func() error { _, err := c.Files.Download(ctx, "", nil); return err },
		"GetContent empty id": func() error { _, err := c.Generations.GetContent(ctx, ""); return err },
		"SubmitFeedback empty id": func() error {
			_, err := c.Generations.SubmitFeedback(ctx, openrouter.GenerationFeedbackRequest{Category: gen.SubmitGenerationFeedbackRequestCategoryOther})
			return err
		},
		"Query no metrics": func() error { _, err := c.Analytics.Query(ctx, openrouter.AnalyticsQueryRequest{}); return err },
		"Models.Get empty": func() error { _, err := c.Models.Get(ctx, "openai", ""); return err },
	} {
		if err := call(); err == nil || !strings.HasPrefix(err.Error(), "openrouter: ") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	check(t, "requests", len(srv.Requests()), 0)
}

func TestFilesErrors(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client())
	srv.Enqueue("downloadFileContent", openroutertest.ErrorResponse(404, "no such file"))
	_, err := c.Files.Download(ctx, "file-missing", nil)
	check(t, "message", wantAPIError(t, err, 404).Message, "no such file")
	srv.Enqueue("uploadFile", openroutertest.ErrorResponse(413, "file too large"))
	_, err = c.Files.Upload(ctx, openrouter.FileUpload{Filename: "a.txt", Body: strings.NewReader("x")})
	wantAPIError(t, err, 413)
}

func TestFilesListAllUnknownShape(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c := must[*openrouter.Client](t)(srv.Client())
	srv.Enqueue("listFiles", openroutertest.Response{Raw: []byte(`{"_shape":"dropbox","data":[]}`), Header: map[string][]string{"Content-Type": {"application/json"}}})
	var errs []error
	for _, err := range c.Files.ListAll(ctx, nil) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || errs[0] == nil || !strings.Contains(errs[0].Error(), `"dropbox"`) {
		t.Errorf("errors %v, want one naming the unknown shape", errs)
	}
}
