package openroutertest

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"
)

// Default answers of the files, analytics, benchmarks, classifications,
// datasets, generation content and feedback operations, and getModel.
func init() {
	defaults["listFiles"] = (*Server).defaultListFiles
	defaults["uploadFile"] = (*Server).defaultUploadFile
	defaults["getFileMetadata"] = (*Server).defaultGetFile
	defaults["deleteFile"] = (*Server).defaultDeleteFile
	defaults["downloadFileContent"] = (*Server).defaultDownloadFile

	defaults["getAnalyticsMeta"] = func(s *Server, c *call) Response { return ok(analyticsMeta()) }
	defaults["queryAnalytics"] = (*Server).defaultAnalyticsQuery
	defaults["getBenchmarks"] = (*Server).defaultBenchmarks
	defaults["getTaskClassifications"] = func(s *Server, c *call) Response { return ok(taskClassifications()) }
	defaults["getAppRankings"] = (*Server).defaultAppRankings
	defaults["getRankingsDaily"] = (*Server).defaultRankingsDaily
	defaults["getSessionCost"] = (*Server).defaultSessionCost
	defaults["listGenerationContent"] = (*Server).defaultGenerationContent
	defaults["submitGenerationFeedback"] = func(s *Server, c *call) Response {
		return ok(obj{"data": obj{"success": true}})
	}
	defaults["getModel"] = (*Server).defaultGetModel
}

// --- files ---

// storedFile is a file of the fake file store.
type storedFile struct {
	id, name, mimeType string
	content            []byte
}

// fileStore holds the files of one server: two sample files, then the
// uploaded ones, in upload order.
type fileStore struct {
	mu    sync.Mutex
	files []storedFile
}

// fileStores maps each server to its file store. The key is weak and a
// cleanup removes the entry, so a store lives no longer than its server.
var fileStores sync.Map // weak.Pointer[Server] -> *fileStore

func (s *Server) files() *fileStore {
	key := weak.Make(s)
	if fs, ok := fileStores.Load(key); ok {
		return fs.(*fileStore)
	}
	fs, loaded := fileStores.LoadOrStore(key, &fileStore{files: []storedFile{
		{"file-fake-sample-1", "notes.txt", "text/plain", []byte("Meeting notes: ship the SDK.\n")},
		{"file-fake-sample-2", "data.csv", "text/csv", []byte("name,score\nalpha,1\nbeta,2\n")},
	}})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Server]) { fileStores.Delete(k) }, key)
	}
	return fs.(*fileStore)
}

func (fs *fileStore) find(id string) (storedFile, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	i := slices.IndexFunc(fs.files, func(f storedFile) bool { return f.id == id })
	if i < 0 {
		return storedFile{}, false
	}
	return fs.files[i], true
}

// fileShape is the shape of the answers: the store the provider query
// parameter names, or OpenRouter's.
func fileShape(c *call) string {
	switch p := c.req.URL.Query().Get("provider"); p {
	case "openai", "anthropic":
		return p
	}
	return "openrouter"
}

// fileObj is a file's metadata in the given shape.
func fileObj(shape string, f storedFile) obj {
	if shape == "openai" {
		return obj{"_shape": shape, "id": f.id, "object": "file", "bytes": len(f.content),
			"created_at": 1736937000, "filename": f.name, "purpose": "user_data", "status": "processed"}
	}
	return obj{"_shape": shape, "id": f.id, "type": "file", "filename": f.name, "mime_type": f.mimeType,
		"size_bytes": len(f.content), "created_at": fakeTime, "downloadable": true}
}

// fileOrPlaceholder is the stored file with the id, or a plausible one.
func (s *Server) fileOrPlaceholder(id string) storedFile {
	if f, ok := s.files().find(id); ok {
		return f
	}
	return storedFile{id, "upload.bin", "application/octet-stream", []byte("fake content of " + id + "\n")}
}

func (s *Server) defaultListFiles(c *call) Response {
	q := c.req.URL.Query()
	shape := fileShape(c)
	fs := s.files()
	fs.mu.Lock()
	files := slices.Clone(fs.files)
	fs.mu.Unlock()
	if q.Get("order") == "desc" {
		slices.Reverse(files)
	}
	after := q.Get("after")
	if shape == "anthropic" {
		after = q.Get("after_id")
	} else if shape == "openrouter" {
		after = strings.TrimPrefix(q.Get("cursor"), "cur_")
	}
	if after != "" {
		i := slices.IndexFunc(files, func(f storedFile) bool { return f.id == after })
		files = files[i+1:] // i == -1: from the start
	}
	limit := 20
	fmt.Sscan(q.Get("limit"), &limit)
	more := len(files) > limit
	if more {
		files = files[:limit]
	}
	data := arr{}
	var first, last any
	for _, f := range files {
		data = append(data, fileObj(shape, f))
	}
	if len(files) > 0 {
		first, last = files[0].id, files[len(files)-1].id
	}
	page := obj{"_shape": shape, "data": data, "has_more": more, "first_id": first, "last_id": last}
	switch shape {
	case "openai":
		page["object"] = "list"
	case "openrouter":
		var cursor any
		if more {
			cursor = "cur_" + last.(string)
		}
		page["cursor"] = cursor
	}
	return ok(page)
}

func (s *Server) defaultUploadFile(c *call) Response {
	_, params, err := mime.ParseMediaType(c.req.Header.Get("Content-Type"))
	if err != nil {
		return ErrorResponse(http.StatusBadRequest, "openroutertest: Content-Type: "+err.Error())
	}
	mr := multipart.NewReader(bytes.NewReader(c.body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return ErrorResponse(http.StatusBadRequest, `openroutertest: no "file" part in the multipart body`)
		}
		if part.FormName() != "file" {
			continue
		}
		content, err := io.ReadAll(part)
		if err != nil {
			return ErrorResponse(http.StatusBadRequest, "openroutertest: reading the file part: "+err.Error())
		}
		f := storedFile{id: fmt.Sprintf("file-fake-%06d", s.nextID()), name: part.FileName(), mimeType: part.Header.Get("Content-Type"), content: content}
		if f.mimeType == "" {
			f.mimeType = "application/octet-stream"
		}
		fs := s.files()
		fs.mu.Lock()
		fs.files = append(fs.files, f)
		fs.mu.Unlock()
		return ok(fileObj(fileShape(c), f))
	}
}

func (s *Server) defaultGetFile(c *call) Response {
	return ok(fileObj(fileShape(c), s.fileOrPlaceholder(c.params["file_id"])))
}

func (s *Server) defaultDeleteFile(c *call) Response {
	id := c.params["file_id"]
	fs := s.files()
	fs.mu.Lock()
	fs.files = slices.DeleteFunc(fs.files, func(f storedFile) bool { return f.id == id })
	fs.mu.Unlock()
	switch shape := fileShape(c); shape {
	case "openai":
		return ok(obj{"_shape": shape, "id": id, "object": "file", "deleted": true})
	default:
		return ok(obj{"_shape": shape, "id": id, "type": "file_deleted"})
	}
}

func (s *Server) defaultDownloadFile(c *call) Response {
	f := s.fileOrPlaceholder(c.params["file_id"])
	return Response{Header: http.Header{"Content-Type": {"application/octet-stream"}}, Raw: f.content}
}

// --- analytics ---

func analyticsMeta() obj {
	metric := func(name, label, format string, rate bool) obj {
		return obj{"name": name, "display_label": label, "is_rate": rate, "display_format": format}
	}
	named := func(name, label string) obj { return obj{"name": name, "display_label": label} }
	op := func(name, kind string) obj { return obj{"name": name, "value_type": kind} }
	return obj{"data": obj{
		"metrics": arr{
			metric("requests", "Requests", "number", false),
			metric("total_tokens", "Total tokens", "number", false),
			metric("cost", "Cost", "currency", false),
			metric("error_rate", "Error rate", "percent", true),
			metric("latency_p50", "Median latency", "latency", false),
		},
		"dimensions": arr{named("model", "Model"), named("provider", "Provider"), named("api_key", "API key"), named("app", "App")},
		"operators":  arr{op("eq", "scalar"), op("neq", "scalar"), op("in", "array"), op("not_in", "array"), op("gt", "scalar"), op("lt", "scalar")},
		"granularities": arr{
			named("hour", "Hour"), named("day", "Day"), named("week", "Week"), named("month", "Month"),
		},
	}}
}

// defaultAnalyticsQuery answers with rows keyed by the requested
// dimensions (and "date" with a granularity) and metrics.
func (s *Server) defaultAnalyticsQuery(c *call) Response {
	strs := func(key string) []string {
		var out []string
		items, _ := c.json[key].([]any)
		for _, it := range items {
			if v, ok := it.(string); ok {
				out = append(out, v)
			}
		}
		return out
	}
	metrics, dims := strs("metrics"), strs("dimensions")
	n := 1
	if len(dims) > 0 {
		n = 2
	}
	if lim, ok := c.json["limit"].(float64); ok && int(lim) < n && lim >= 0 {
		n = int(lim)
	}
	rows := arr{}
	for i := range n {
		row := obj{}
		for _, d := range dims {
			row[d] = fmt.Sprintf("%s-%d", d, i+1)
		}
		if g := str(c.json, "granularity"); g != "" {
			row["date"] = "2025-01-15"
		}
		for j, m := range metrics {
			row[m] = float64((i+1)*100 + j)
		}
		rows = append(rows, row)
	}
	return ok(obj{"data": obj{
		"data":     rows,
		"metadata": obj{"query_time_ms": 12.5, "row_count": len(rows), "truncated": false},
		"warnings": arr{},
	}})
}

// --- benchmarks and classifications ---

func (s *Server) defaultBenchmarks(c *call) Response {
	q := c.req.URL.Query()
	pricing := obj{"prompt": "0.00000015", "completion": "0.0000006"}
	items := []obj{
		{"source": "artificial-analysis", "model_permaslug": "openai/gpt-4o-mini", "display_name": "GPT-4o mini",
			"intelligence_index": 36.2, "coding_index": 28.4, "agentic_index": nil, "pricing": pricing},
		{"source": "design-arena", "model_permaslug": "anthropic/claude-3.5-haiku", "display_name": "Claude 3.5 Haiku",
			"arena": "models", "category": "website", "elo": 1210.5, "win_rate": 0.54, "avg_generation_time_ms": 8400.0,
			"tournament_stats": obj{"first_place": 12, "second_place": 9, "third_place": 7, "fourth_place": 4, "total": 32}, "pricing": nil},
		{"source": "openrouter", "model_permaslug": "openai/gpt-4o-mini", "display_name": "GPT-4o mini",
			"benchmark_type": "gpqa_diamond", "accuracy": 0.41, "accuracy_stddev": 0.02, "avg_cost_per_task": 0.0004,
			"total_tasks": 198, "last_run_timestamp": fakeTime},
	}
	src := q.Get("source")
	data := arr{}
	for _, it := range items {
		if (src == "" || it["source"] == src) && (q.Get("benchmark_type") == "" || it["benchmark_type"] == q.Get("benchmark_type")) {
			data = append(data, it)
		}
	}
	var maxResults int
	if fmt.Sscan(q.Get("max_results"), &maxResults); maxResults > 0 && len(data) > maxResults {
		data = data[:maxResults]
	}
	var source, taskType any
	if src != "" {
		source = src
	}
	if t := q.Get("task_type"); t != "" {
		taskType = t
	}
	return ok(obj{"data": data, "meta": obj{"as_of": fakeTime, "version": "v1", "source": source, "source_url": nil,
		"citation": nil, "model_count": len(data), "task_type": taskType}})
}

func taskClassifications() obj {
	m := func(id string, usage, tokens float64) obj {
		return obj{"id": id, "tag_usage_share": usage, "tag_token_share": tokens}
	}
	return obj{"data": obj{
		"window_days": 7,
		"as_of":       fakeTime,
		"classifications": arr{
			obj{"tag": "programming", "display_name": "Programming", "macro_category": "technical", "usage_share": 0.42, "token_share": 0.51,
				"category_usage_share": 0.7, "category_token_share": 0.74, "models": arr{m("anthropic/claude-3.5-haiku", 0.3, 0.35), m("openai/gpt-4o-mini", 0.2, 0.18)}},
			obj{"tag": "roleplay", "display_name": "Roleplay", "macro_category": "creative", "usage_share": 0.18, "token_share": 0.22,
				"category_usage_share": 0.6, "category_token_share": 0.65, "models": arr{m("meta-llama/llama-3.1-8b-instruct", 0.25, 0.27)}},
		},
		"macro_categories": arr{
			obj{"key": "technical", "label": "Technical", "usage_share": 0.6, "token_share": 0.69},
			obj{"key": "creative", "label": "Creative", "usage_share": 0.3, "token_share": 0.31},
		},
	}}
}

// --- datasets ---

// page applies the offset and limit query parameters (limit defaulting
// to def) to n items and returns the range.
func page(c *call, n, def int) (from, to int) {
	q := c.req.URL.Query()
	offset, limit := 0, def
	fmt.Sscan(q.Get("offset"), &offset)
	fmt.Sscan(q.Get("limit"), &limit)
	from = min(max(offset, 0), n)
	return from, min(from+max(limit, 0), n)
}

// datasetMeta is the meta object of the rankings datasets.
func datasetMeta(c *call) obj {
	q := c.req.URL.Query()
	start, end := q.Get("start_date"), q.Get("end_date")
	if start == "" {
		start = "2025-01-08"
	}
	if end == "" {
		end = "2025-01-14"
	}
	return obj{"as_of": fakeTime, "version": "v1", "start_date": start, "end_date": end}
}

// fakeApps are the apps of the app rankings, most used first.
var fakeApps = []string{"Cline", "Roo Code", "Kilo Code", "SillyTavern", "Open WebUI", "Aider", "LibreChat"}

func (s *Server) defaultAppRankings(c *call) Response {
	from, to := page(c, len(fakeApps), 50)
	data := arr{}
	for i := from; i < to; i++ {
		data = append(data, obj{"rank": i + 1, "app_id": 1000 + i, "app_name": fakeApps[i],
			"total_tokens": fmt.Sprint((len(fakeApps) - i) * 1_000_000_000), "total_requests": (len(fakeApps) - i) * 250_000})
	}
	return ok(obj{"data": data, "meta": datasetMeta(c)})
}

func (s *Server) defaultRankingsDaily(c *call) Response {
	meta := datasetMeta(c)
	data := arr{}
	for _, day := range []string{meta["start_date"].(string), meta["end_date"].(string)} {
		for i, m := range []string{"anthropic/claude-3.5-haiku", "openai/gpt-4o-mini"} {
			data = append(data, obj{"date": day, "model_permaslug": m, "total_tokens": fmt.Sprint((2 - i) * 500_000_000)})
		}
	}
	return ok(obj{"data": data, "meta": meta})
}

func (s *Server) defaultSessionCost(c *call) Response {
	q := c.req.URL.Query()
	var rows []obj
	for i, app := range []string{"cline", "aider", "sillytavern"} {
		for j, tr := range []string{"1-turn", "2-9-turns", "10-49-turns"} {
			row := obj{"app_slug": app, "app_name": fakeApps[[]int{0, 5, 3}[i]], "turn_range": tr,
				"model_permaslug": "anthropic/claude-3.5-haiku", "median_session_cost_usd": 0.002 * float64((i+1)*(j+1))}
			if (q.Get("app_slug") == "" || q.Get("app_slug") == app) && (q.Get("turn_range") == "" || q.Get("turn_range") == tr) {
				if m := q.Get("model"); m != "" {
					row["model_permaslug"] = m
				}
				rows = append(rows, row)
			}
		}
	}
	from, to := page(c, len(rows), 100)
	data := arr{}
	for _, r := range rows[from:to] {
		data = append(data, r)
	}
	return ok(obj{"data": data, "meta": obj{"as_of": fakeTime, "version": "v1", "window_days": 30, "window_end_date": "2025-01-14"}})
}

// --- generation content, model ---

func (s *Server) defaultGenerationContent(c *call) Response {
	return ok(obj{"data": obj{
		"input": obj{"messages": arr{
			obj{"role": "system", "content": "Be brief."},
			obj{"role": "user", "content": "Hello there"},
		}},
		"output": obj{"completion": "You said: Hello there", "reasoning": nil},
		"error":  nil,
	}})
}

// defaultGetModel answers with the catalogue entry of author/slug, or a
// plausible one for a model the fake catalogue lacks.
func (s *Server) defaultGetModel(c *call) Response {
	id := c.params["author"] + "/" + c.params["slug"]
	for _, m := range chatModels() {
		if m.(obj)["id"] == id {
			return ok(obj{"data": m})
		}
	}
	return ok(obj{"data": model(id, id, "A model of the fake catalogue.", 1735689600, 65536,
		"0.000001", "0.000002", []string{"text"}, []string{"text"}, "Other", []string{"temperature", "max_tokens"})})
}
