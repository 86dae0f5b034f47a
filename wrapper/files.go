package openrouter

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"mime/multipart"
	"net/http"
	"time"

	"github.com/gopenrouter/openrouter/gen"
)

// FilesService uploads, lists, downloads and deletes files. Get it from
// [Client].Files.
type FilesService struct{ c *caller }

// Request and result types of the Files methods.
type (
	// FileParams are the optional parameters of Files.Get, Files.Delete
	// and Files.Download: the workspace the file belongs to and the
	// provider whose file store holds it (OpenRouter's own when nil).
	FileParams = gen.GetFileMetadataParams
	// ListFilesParams are the optional filters and paging of Files.List
	// and Files.ListAll.
	ListFilesParams = gen.ListFilesParams
	// FileProvider names a provider's file store: FileProviderOpenAI or
	// FileProviderAnthropic.
	FileProvider = gen.FileProvider
	// FileListResponse is one page of Files.List, in the shape of the
	// store listed: call Discriminator, then AsOpenRouterFileList,
	// AsOpenAIFileList or AsAnthropicFileList.
	FileListResponse = gen.FileListResponse
)

// FileResponse is one file's metadata, in the shape of the store that
// holds it (OpenRouter's, OpenAI's or Anthropic's). Its methods read the
// fields every shape has, whatever the shape; the union's Discriminator
// and As* methods (AsOpenRouterFile, AsOpenAIFile, AsAnthropicFile) give
// the fields of one shape.
type FileResponse struct {
	gen.FileResponse
}

// fileFields are the fields of every file shape, by their names in any of
// them.
type fileFields struct {
	Shape        string          `json:"_shape"`
	ID           string          `json:"id"`
	Filename     string          `json:"filename"`
	MimeType     string          `json:"mime_type"`
	SizeBytes    *int64          `json:"size_bytes"`
	Bytes        *int64          `json:"bytes"`
	CreatedAt    json.RawMessage `json:"created_at"`
	Downloadable *bool           `json:"downloadable"`
}

func fileFieldsOf(u json.Marshaler) fileFields {
	var f fileFields
	if raw, err := u.MarshalJSON(); err == nil {
		_ = json.Unmarshal(raw, &f)
	}
	return f
}

// ID returns the file's id.
func (f FileResponse) ID() string { return fileFieldsOf(f.FileResponse).ID }

// Filename returns the file's name.
func (f FileResponse) Filename() string { return fileFieldsOf(f.FileResponse).Filename }

// Shape returns the shape of the metadata: [FileShapeOpenRouter],
// [FileShapeOpenAI] or [FileShapeAnthropic] (OpenRouter's store may leave
// it out: "").
func (f FileResponse) Shape() string { return fileFieldsOf(f.FileResponse).Shape }

// Size returns the file's size in bytes (size_bytes, or bytes in the
// OpenAI shape); ok is false when the metadata has none.
func (f FileResponse) Size() (n int64, ok bool) {
	ff := fileFieldsOf(f.FileResponse)
	switch {
	case ff.SizeBytes != nil:
		return *ff.SizeBytes, true
	case ff.Bytes != nil:
		return *ff.Bytes, true
	}
	return 0, false
}

// MimeType returns the file's media type; "" in the OpenAI shape, which
// has none.
func (f FileResponse) MimeType() string { return fileFieldsOf(f.FileResponse).MimeType }

// CreatedAt returns when the file was created (an RFC 3339 time, or Unix
// seconds in the OpenAI shape); the zero time when the metadata has none
// or it does not parse.
func (f FileResponse) CreatedAt() time.Time {
	raw := fileFieldsOf(f.FileResponse).CreatedAt
	var s string
	if json.Unmarshal(raw, &s) == nil {
		t, _ := time.Parse(time.RFC3339, s)
		return t
	}
	var secs int64
	if json.Unmarshal(raw, &secs) == nil {
		return time.Unix(secs, 0).UTC()
	}
	return time.Time{}
}

// Downloadable reports whether Files.Download can fetch the file's bytes;
// the OpenAI shape does not say, and is reported as downloadable.
func (f FileResponse) Downloadable() bool {
	d := fileFieldsOf(f.FileResponse).Downloadable
	return d == nil || *d
}

// FileDeleteResponse is the result of Files.Delete, in the shape of the
// store. ID returns the id of the deleted file; the union's Discriminator
// and As* methods give the fields of one shape.
type FileDeleteResponse struct {
	gen.FileDeleteResponse
}

// ID returns the id of the deleted file.
func (d FileDeleteResponse) ID() string { return fileFieldsOf(d.FileDeleteResponse).ID }

// The file stores a FileParams or ListFilesParams can name.
const (
	FileProviderOpenAI    = gen.FileProviderOpenai
	FileProviderAnthropic = gen.FileProviderAnthropic
)

// The shapes of the file results, as their Discriminator reports them.
const (
	FileShapeOpenRouter = "openrouter"
	FileShapeOpenAI     = "openai"
	FileShapeAnthropic  = "anthropic"
)

// List returns one page of the account's files, filtered and paged by
// params (nil for the first page of OpenRouter's store); see ListAll to
// iterate. It calls GET /files.
func (s *FilesService) List(ctx context.Context, params *ListFilesParams, opts ...Option) (*FileListResponse, error) {
	return doJSON[FileListResponse](ctx, s.c, "Files.List", opts, func(server string) (*http.Request, error) {
		return gen.NewListFilesRequest(server, params)
	})
}

// ListAll iterates over the account's files, fetching pages lazily. Each
// item is a FileResponse in the shape of the store listed. params (nil for
// defaults) filter every page and may set the page size (Limit) and where
// to start (Cursor, After or AfterID); the iteration follows the paging of
// the answers: the next cursor of OpenRouter's store, the last id of the
// provider stores, while they report more pages. It stops at the first
// error, which it yields. It calls GET /files once per page.
func (s *FilesService) ListAll(ctx context.Context, params *ListFilesParams, opts ...Option) iter.Seq2[FileResponse, error] {
	var p ListFilesParams
	if params != nil {
		p = *params
	}
	// nextParam is where the next page's cursor goes; it depends on the
	// shape of the page before.
	var nextParam func(q *ListFilesParams, cursor string)
	return cursorPages(ctx, func(ctx context.Context, cursor string) ([]FileResponse, string, error) {
		q := p
		if cursor != "" {
			nextParam(&q, cursor)
		}
		resp, err := s.List(ctx, &q, opts...)
		if err != nil {
			return nil, "", err
		}
		items, next, setter, err := filePage(resp)
		if err != nil {
			return nil, "", errorf("Files.ListAll", "%w", err)
		}
		nextParam = setter
		return items, next, nil
	})
}

// filePage splits a page of Files.List into its files, the cursor of the
// next page ("" when there is none), and the parameter that cursor goes
// in.
func filePage(resp *FileListResponse) ([]FileResponse, string, func(*ListFilesParams, string), error) {
	shape, err := resp.Discriminator()
	if err != nil {
		return nil, "", nil, err
	}
	var items []FileResponse
	add := func(from func(*FileResponse) error) error {
		var f FileResponse
		if err := from(&f); err != nil {
			return err
		}
		items = append(items, f)
		return nil
	}
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	switch shape {
	case FileShapeOpenRouter, "":
		// OpenRouter's own examples leave _shape out of its store's pages.
		page, err := resp.AsOpenRouterFileList()
		if err != nil {
			return nil, "", nil, err
		}
		for _, f := range page.Data {
			if err := add(func(r *FileResponse) error { return r.FromOpenRouterFile(f) }); err != nil {
				return nil, "", nil, err
			}
		}
		next := ""
		if page.HasMore {
			next = deref(page.Cursor)
		}
		return items, next, func(q *ListFilesParams, c string) { q.Cursor = &c }, nil
	case FileShapeOpenAI:
		page, err := resp.AsOpenAIFileList()
		if err != nil {
			return nil, "", nil, err
		}
		for _, f := range page.Data {
			if err := add(func(r *FileResponse) error { return r.FromOpenAIFile(f) }); err != nil {
				return nil, "", nil, err
			}
		}
		next := ""
		if page.HasMore && len(page.Data) > 0 {
			next = deref(page.LastID)
		}
		return items, next, func(q *ListFilesParams, c string) { q.After = &c }, nil
	case FileShapeAnthropic:
		page, err := resp.AsAnthropicFileList()
		if err != nil {
			return nil, "", nil, err
		}
		for _, f := range page.Data {
			if err := add(func(r *FileResponse) error { return r.FromAnthropicFile(f) }); err != nil {
				return nil, "", nil, err
			}
		}
		next := ""
		if page.HasMore && len(page.Data) > 0 {
			next = deref(page.LastID)
		}
		return items, next, func(q *ListFilesParams, c string) { q.AfterID = &c }, nil
	}
	return nil, "", nil, fmt.Errorf("unknown file list shape %q", shape)
}

// defaultFileType is the content type of an upload that names none.
const defaultFileType = "application/octet-stream"

// FileUpload is a file for Files.Upload: its name, media type and bytes,
// and the store that keeps it. Only Filename and Body are required.
//
//	client.Files.Upload(ctx, openrouter.FileUpload{
//		Filename:    "notes.txt",
//		ContentType: "text/plain",
//		Body:        strings.NewReader("Ship on Friday."),
//	})
type FileUpload struct {
	// Filename is the file's name; required, with no line break or NUL.
	Filename string
	// ContentType is the file's media type; "" means
	// "application/octet-stream".
	ContentType string
	// Body holds the file's bytes, read once while the request is sent;
	// required. Upload does not close it.
	Body io.Reader
	// Provider selects the provider file store that keeps the file:
	// [FileProviderOpenAI] or [FileProviderAnthropic]; "" means
	// OpenRouter's own.
	Provider FileProvider
	// WorkspaceID is the workspace the file belongs to; the zero UUID
	// means the API key's default workspace.
	WorkspaceID UUID
}

// params returns the query parameters of the upload: nil when it names
// neither a provider nor a workspace.
func (u FileUpload) params() *gen.UploadFileParams {
	var p gen.UploadFileParams
	if u.Provider != "" {
		p.Provider = &u.Provider
	}
	if u.WorkspaceID != (UUID{}) {
		p.WorkspaceID = &u.WorkspaceID
	}
	if p == (gen.UploadFileParams{}) {
		return nil
	}
	return &p
}

// Upload uploads a file, up.Body named up.Filename, into the store and
// workspace up names, and returns its metadata. It calls POST /files with
// a multipart/form-data body.
//
// The body is streamed from up.Body as the request is sent, never held
// whole in memory, so any size can be uploaded; for the same reason
// Upload is never retried, whatever WithMaxRetries says: a failed upload
// returns its error and must be started again with a fresh reader.
// Upload does not close up.Body, and does not read it after Upload
// returns, except for a Read that is still blocked 100ms after ctx is
// cancelled (it completes in the background and its data is dropped).
// OpenRouter answers once the body is sent, so a WithTimeout, which
// bounds the wait for the answer, includes the time the upload takes:
// give a large file a long timeout (or none) and bound the call with ctx
// instead.
//
// An empty Filename, a nil Body, a Filename with a line break, or a
// ContentType that is not a media type is an error, and nothing is sent.
func (s *FilesService) Upload(ctx context.Context, up FileUpload, opts ...Option) (*FileResponse, error) {
	const op = "Files.Upload"
	contentType, err := checkUpload(op, up.Filename, up.ContentType, defaultFileType, up.Body)
	if err != nil {
		return nil, err
	}
	params := up.params()
	return sendUpload[FileResponse](ctx, s.c, op, up.Filename, opts,
		func(mw *multipart.Writer) error {
			part, err := createFilePart(mw, up.Filename, contentType)
			if err != nil {
				return err
			}
			_, err = io.Copy(part, fileReader{up.Body})
			return err
		},
		func(server, contentType string, body io.Reader) (*http.Request, error) {
			return gen.NewUploadFileRequestWithBody(server, params, contentType, body)
		})
}

// Get returns the metadata of the file with the given id, from the store
// of params (nil for OpenRouter's). It calls GET /files/{file_id}.
func (s *FilesService) Get(ctx context.Context, fileID string, params *FileParams, opts ...Option) (*FileResponse, error) {
	const op = "Files.Get"
	if err := nonEmpty(op, "file id", fileID); err != nil {
		return nil, err
	}
	return doJSON[FileResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetFileMetadataRequest(server, fileID, params)
	})
}

// Delete deletes the file with the given id from the store of params (nil
// for OpenRouter's). It calls DELETE /files/{file_id}.
func (s *FilesService) Delete(ctx context.Context, fileID string, params *FileParams, opts ...Option) (*FileDeleteResponse, error) {
	const op = "Files.Delete"
	if err := nonEmpty(op, "file id", fileID); err != nil {
		return nil, err
	}
	return doJSON[FileDeleteResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewDeleteFileRequest(server, fileID, (*gen.DeleteFileParams)(params))
	})
}

// Download returns the bytes of the file with the given id, from the store
// of params (nil for OpenRouter's), as a stream: the caller must Close the
// result. It calls GET /files/{file_id}/content.
func (s *FilesService) Download(ctx context.Context, fileID string, params *FileParams, opts ...Option) (*BinaryResponse, error) {
	const op = "Files.Download"
	if err := nonEmpty(op, "file id", fileID); err != nil {
		return nil, err
	}
	return doBinary(ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewDownloadFileContentRequest(server, fileID, (*gen.DownloadFileContentParams)(params))
	})
}
