package openrouter

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gopenrouter/openrouter/gen"
)

// ContentPart is one part of a multi-part message: text, an image, a file,
// audio or video. Build it with the *Part constructors of this package and
// pass it to [UserMessage].
type ContentPart = gen.ChatContentPart

// CacheControl marks the end of a prompt prefix that the provider may
// cache (Anthropic-style prompt caching). Build it with [EphemeralCache].
type CacheControl = gen.AnthropicCacheControlDirective

// CacheTTL is how long a cached prompt prefix lives: [CacheTTL5m] (the
// provider's default) or [CacheTTL1h].
type CacheTTL = gen.AnthropicCacheControlTTL

// The cache lifetimes that OpenRouter accepts.
const (
	CacheTTL5m CacheTTL = gen.AnthropicCacheControlTTLN5M
	CacheTTL1h CacheTTL = gen.AnthropicCacheControlTTLN1H
)

// ImageDetail is the resolution at which a model looks at an image.
type ImageDetail = gen.ChatContentImageImageURLDetail

// The image resolutions that OpenRouter accepts.
const (
	ImageDetailAuto     ImageDetail = gen.ChatContentImageImageURLDetailAuto
	ImageDetailLow      ImageDetail = gen.ChatContentImageImageURLDetailLow
	ImageDetailHigh     ImageDetail = gen.ChatContentImageImageURLDetailHigh
	ImageDetailOriginal ImageDetail = gen.ChatContentImageImageURLDetailOriginal
)

// EphemeralCache returns a cache breakpoint of type "ephemeral", for
// [CachedTextPart], [CachedSystemMessage] or [ChatRequest].CacheControl.
// With no ttl the provider's default lifetime applies; otherwise the first
// ttl is used.
func EphemeralCache(ttl ...CacheTTL) *CacheControl {
	cc := &CacheControl{Type: gen.AnthropicCacheControlDirectiveTypeEphemeral}
	if len(ttl) > 0 && ttl[0] != "" {
		cc.TTL = ttl[0]
	}
	return cc
}

// TextPart returns a text content part.
func TextPart(text string) ContentPart {
	return textPart(gen.ChatContentText{Text: text})
}

// CachedTextPart returns a text content part that ends a cacheable prompt
// prefix, such as a long document sent with every request. cc is usually
// [EphemeralCache](); nil means no cache breakpoint.
func CachedTextPart(text string, cc *CacheControl) ContentPart {
	return textPart(gen.ChatContentText{Text: text, CacheControl: cc})
}

func textPart(t gen.ChatContentText) ContentPart {
	t.Type = gen.ChatContentTextTypeText
	return unionOf((*ContentPart).FromChatContentText, t)
}

// ImageURLPart returns an image content part that refers to an image by
// URL: an https URL or a data URL. detail optionally sets the resolution
// (the first one given is used).
func ImageURLPart(url string, detail ...ImageDetail) ContentPart {
	img := gen.ChatContentImage{Type: gen.ChatContentImageTypeImageURL, ImageURL: gen.ChatContentImageImageURL{URL: url}}
	if len(detail) > 0 && detail[0] != "" {
		img.ImageURL.Detail = detail[0]
	}
	return unionOf((*ContentPart).FromChatContentImage, img)
}

// ImageBytesPart returns an image content part that carries the image
// itself, as a base64 data URL built from data and its MIME type, such as
// "image/png". It fails when data is empty or mimeType is not an image
// type.
func ImageBytesPart(data []byte, mimeType string, detail ...ImageDetail) (ContentPart, error) {
	if len(data) == 0 {
		return ContentPart{}, errors.New("openrouter: ImageBytesPart: no image data")
	}
	mt, err := checkMIME("ImageBytesPart", mimeType)
	if err != nil {
		return ContentPart{}, err
	}
	if !strings.HasPrefix(mt, "image/") {
		return ContentPart{}, fmt.Errorf("openrouter: ImageBytesPart: MIME type %q is not an image type", mimeType)
	}
	return ImageURLPart(DataURL(mt, data), detail...), nil
}

// ImageFilePart reads the image file at path and returns it as an image
// content part, like [ImageBytesPart]. The MIME type comes from the file
// name's extension, or else from the content; the call fails when neither
// names an image type.
func ImageFilePart(path string, detail ...ImageDetail) (ContentPart, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ContentPart{}, errorf("ImageFilePart", "%w", err)
	}
	mt := mime.TypeByExtension(strings.ToLower(filepath.Ext(path)))
	if !strings.HasPrefix(mt, "image/") {
		mt = http.DetectContentType(data)
	}
	mt, _, _ = strings.Cut(mt, ";")
	if !strings.HasPrefix(mt, "image/") {
		return ContentPart{}, fmt.Errorf("openrouter: ImageFilePart: %s does not look like an image (%s)", path, mt)
	}
	return ImageBytesPart(data, mt, detail...)
}

// FileURLPart returns a file content part, such as a PDF, that the
// provider fetches from url. filename is optional.
func FileURLPart(url, filename string) ContentPart {
	return filePart(gen.ChatContentFileFile{FileData: url}, filename)
}

// FileBytesPart returns a file content part, such as a PDF, that carries
// the file itself as a base64 data URL built from data and its MIME type
// ("application/pdf"). filename is optional. It fails when data is empty
// or mimeType is missing or malformed.
func FileBytesPart(data []byte, mimeType, filename string) (ContentPart, error) {
	if len(data) == 0 {
		return ContentPart{}, errors.New("openrouter: FileBytesPart: no file data")
	}
	mt, err := checkMIME("FileBytesPart", mimeType)
	if err != nil {
		return ContentPart{}, err
	}
	u := DataURL(mt, data)
	return filePart(gen.ChatContentFileFile{FileData: u}, filename), nil
}

func filePart(f gen.ChatContentFileFile, filename string) ContentPart {
	if filename != "" {
		f.Filename = filename
	}
	return unionOf((*ContentPart).FromChatContentFile, gen.ChatContentFile{Type: gen.ChatContentFileTypeFile, File: f})
}

// PDFBytesPart returns a file content part that carries the PDF document
// data, named filename (optional; "document.pdf" when empty). Add
// [PDFPlugin] to the request to choose how it is read. It fails when data
// does not start like a PDF ("%PDF-").
func PDFBytesPart(data []byte, filename string) (ContentPart, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return ContentPart{}, errors.New("openrouter: PDFBytesPart: data is not a PDF document (no %PDF- header)")
	}
	if filename == "" {
		filename = "document.pdf"
	}
	return filePart(gen.ChatContentFileFile{FileData: DataURL("application/pdf", data)}, filename), nil
}

// PDFFilePart reads the PDF document at path and returns it as a file
// content part named after the file, like [PDFBytesPart].
func PDFFilePart(path string) (ContentPart, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ContentPart{}, errorf("PDFFilePart", "%w", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return ContentPart{}, fmt.Errorf("openrouter: PDFFilePart: %s is not a PDF document", path)
	}
	return PDFBytesPart(data, filepath.Base(path))
}

// AudioPart returns an input audio content part: the audio data, sent
// base64-encoded, and its format, such as "wav" or "mp3". It fails when
// data or format is empty.
func AudioPart(data []byte, format string) (ContentPart, error) {
	if len(data) == 0 {
		return ContentPart{}, errors.New("openrouter: AudioPart: no audio data")
	}
	if format == "" {
		return ContentPart{}, errors.New("openrouter: AudioPart: no audio format (such as \"wav\" or \"mp3\")")
	}
	var p ContentPart
	_ = p.FromChatContentAudio(gen.ChatContentAudio{
		Type:       gen.ChatContentAudioTypeInputAudio,
		InputAudio: gen.ChatContentAudioInputAudio{Data: base64.StdEncoding.EncodeToString(data), Format: format},
	})
	return p, nil
}

// VideoURLPart returns a video content part that refers to a video by URL
// (an https URL, a YouTube link for the models that take one, or a data
// URL).
func VideoURLPart(url string) ContentPart {
	return unionOf((*ContentPart).FromChatContentVideo, gen.ChatContentVideo{Type: gen.ChatContentVideoTypeVideoURL, VideoURL: gen.ChatContentVideoInput{URL: url}})
}

// VideoBytesPart returns a video content part that carries the video
// itself, as a base64 data URL built from data and its MIME type, such as
// "video/mp4". It fails when data is empty or mimeType is not a video
// type.
func VideoBytesPart(data []byte, mimeType string) (ContentPart, error) {
	if len(data) == 0 {
		return ContentPart{}, errors.New("openrouter: VideoBytesPart: no video data")
	}
	mt, err := checkMIME("VideoBytesPart", mimeType)
	if err != nil {
		return ContentPart{}, err
	}
	if !strings.HasPrefix(mt, "video/") {
		return ContentPart{}, fmt.Errorf("openrouter: VideoBytesPart: MIME type %q is not a video type", mimeType)
	}
	return VideoURLPart(DataURL(mt, data)), nil
}

// DataURL returns the RFC 2397 data URL of data with the given MIME type,
// base64-encoded: "data:image/png;base64,iVBOR...".
func DataURL(mimeType string, data []byte) string {
	return "data:" + mimeType + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// checkMIME returns mimeType without parameters, or an error when it is
// empty or malformed.
func checkMIME(op, mimeType string) (string, error) {
	if strings.TrimSpace(mimeType) == "" {
		return "", fmt.Errorf("openrouter: %s: a MIME type is required, such as \"image/png\" or \"application/pdf\"", op)
	}
	mt, _, err := mime.ParseMediaType(mimeType)
	if err != nil || !strings.Contains(mt, "/") {
		return "", fmt.Errorf("openrouter: %s: malformed MIME type %q", op, mimeType)
	}
	return mt, nil
}
