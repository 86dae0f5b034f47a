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
	// ImageStreamEvent is one event of Images.Stream, a union keyed by its
	// "type": image_generation.partial_image, image_generation.text_chunk
	// or image_generation.completed (see [ImageEventType] and the As*
	// methods). Error events end the stream with an [*APIError] instead.
	ImageStreamEvent = gen.ImageStreamingResponseData
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

// ImageEventType returns the "type" of an event of Images.Stream, such as
// "image_generation.partial_image", or "" when it has none; it tells which
// As* method of the event to call.
func ImageEventType(ev ImageStreamEvent) string {
	raw, err := ev.MarshalJSON()
	if err != nil {
		return ""
	}
	var probe struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(raw, &probe)
	return probe.Type
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
