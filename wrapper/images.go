package openrouter

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gopenrouter/openrouter/gen"
)

// ImagesService generates images. Get it from [Client].Images.
type ImagesService struct{ c *caller }

// Request and result types of the Images methods.
type (
	// ImageRequest is the body of Images.Generate and Images.Stream: a
	// model and a prompt, plus optional size, aspect ratio, quality and
	// reference images. Its Stream field is set by the method called.
	ImageRequest = gen.ImageGenerationRequest
	// ImageResponse is the result of Images.Generate: the images as base64
	// data (Data[i].B64Json) and the usage.
	ImageResponse = gen.ImageGenerationResponse
	// ImageModelsResponse is the result of Images.ListModels.
	ImageModelsResponse = gen.ImageModelsListResponse
	// ImageModelEndpointsResponse is the result of Images.ListModelEndpoints.
	ImageModelEndpointsResponse = gen.ImageModelEndpointsResponse
)

// Generate creates images from a prompt and waits for all of them.
// It calls POST /images with stream unset; use Stream for partial images
// as they are drawn.
func (s *ImagesService) Generate(ctx context.Context, req ImageRequest, opts ...Option) (*ImageResponse, error) {
	req.Stream = nil
	return doJSON[ImageResponse](ctx, s.c, "Images.Generate", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateImagesRequest(server, req)
	})
}

// Stream creates images from a prompt and returns its events (partial
// images, text chunks, the completed image) as they happen. It calls
// POST /images with stream set to true. Errors before the first event,
// an error event as the first event included, are returned here and
// retried as for Generate; an error event after it ends
// the stream with an [*APIError], and a body that ends before
// `data: [DONE]` ends it with [ErrStreamTruncated]: see [Stream].
func (s *ImagesService) Stream(ctx context.Context, req ImageRequest, opts ...Option) (*Stream[ImageStreamEvent], error) {
	req.Stream = &streamTrue
	return doStream(ctx, s.c, "Images.Stream", opts, streamKind[ImageStreamEvent]{decode: decodeImageEvent}, func(server string) (*http.Request, error) {
		return gen.NewCreateImagesRequest(server, req)
	})
}

// ListModels lists the models that generate images.
// It calls GET /images/models.
func (s *ImagesService) ListModels(ctx context.Context, opts ...Option) (*ImageModelsResponse, error) {
	return doJSON[ImageModelsResponse](ctx, s.c, "Images.ListModels", opts, func(server string) (*http.Request, error) {
		return gen.NewListImageModelsRequest(server)
	})
}

// ListModelEndpoints returns the provider endpoints serving the image model
// author/slug, with their prices and supported parameters.
// It calls GET /images/models/{author}/{slug}/endpoints.
func (s *ImagesService) ListModelEndpoints(ctx context.Context, author, slug string, opts ...Option) (*ImageModelEndpointsResponse, error) {
	const op = "Images.ListModelEndpoints"
	if err := nonEmpty(op, "author", author, "slug", slug); err != nil {
		return nil, err
	}
	return doJSON[ImageModelEndpointsResponse](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListImageModelEndpointsRequest(server, author, slug)
	})
}

// ImageEventType is the "type" of an Images.Stream event.
type ImageEventType string

// The event types of an image stream: partial images as they are drawn,
// text the model writes, and the completed image.
const (
	ImageEventPartialImage ImageEventType = "image_generation.partial_image"
	ImageEventTextChunk    ImageEventType = "image_generation.text_chunk"
	ImageEventCompleted    ImageEventType = "image_generation.completed"
)

// ImageStreamEvent is one event of Images.Stream: the generated union
// gen.ImageStreamingResponseData, whose As* methods it promotes, plus Type
// and TextDelta (see [StreamEvent]). Error events end the stream with an
// [*APIError] instead.
//
//	switch ev.Type() {
//	case openrouter.ImageEventPartialImage:
//		p, _ := ev.AsImageGenPartialImageEvent()
//		...
//	case openrouter.ImageEventCompleted:
//		done, _ := ev.AsImageGenCompletedEvent()
//		...
//	}
type ImageStreamEvent struct {
	gen.ImageStreamingResponseData
	kind ImageEventType
}

// UnmarshalJSON decodes an event and notes its type.
func (e *ImageStreamEvent) UnmarshalJSON(b []byte) error {
	if err := e.ImageStreamingResponseData.UnmarshalJSON(b); err != nil {
		return err
	}
	e.kind = ImageEventType(imageEventKind(e.ImageStreamingResponseData))
	return nil
}

// Type returns the event's "type", such as [ImageEventCompleted]; "" when
// it has none.
func (e ImageStreamEvent) Type() ImageEventType {
	if e.kind == "" {
		return ImageEventType(imageEventKind(e.ImageStreamingResponseData))
	}
	return e.kind
}

// TextDelta returns the text of an image_generation.text_chunk event; ok
// is false for any other event.
func (e ImageStreamEvent) TextDelta() (text string, ok bool) {
	if e.Type() != ImageEventTextChunk {
		return "", false
	}
	c, err := e.AsImageGenTextChunkEvent()
	if err != nil {
		return "", false
	}
	return c.Text, true
}

func imageEventKind(ev gen.ImageStreamingResponseData) string {
	t, _ := ev.Discriminator()
	return t
}

// decodeImageEvent decodes an image stream event. An event of type "error"
// and a chunk with a top-level error object (the chat shape) become an
// *APIError.
func decodeImageEvent(data []byte, dst *ImageStreamEvent) error {
	if bytes.Contains(data, errorKey) {
		var ev struct {
			Type  string                             `json:"type"`
			Error *gen.ImageGenStreamErrorEventError `json:"error"`
		}
		if json.Unmarshal(data, &ev) == nil && ev.Type == "error" && ev.Error != nil {
			e := &APIError{Message: ev.Error.Message, Body: append([]byte(nil), data...)}
			md := map[string]any{}
			if c := ev.Error.Code; c != "" {
				if n, err := strconv.Atoi(c); err == nil {
					e.Code = n
					if n >= 400 && n <= 599 {
						e.StatusCode = n
					}
				} else if c != "" {
					md["code"] = c
					e.Message = c + ": " + e.Message
				}
			}
			if ev.Error.Type != "" {
				md["type"] = ev.Error.Type
			}
			if ev.Error.Param != "" {
				md["param"] = ev.Error.Param
			}
			if len(md) > 0 {
				e.Metadata = md
			}
			return e
		}
		return decodeChunk(data, dst)
	}
	return json.Unmarshal(data, dst)
}
