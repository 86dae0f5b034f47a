package openrouter

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/gopenrouter/openrouter/gen"
)

// VideosService runs video generation jobs. Get it from [Client].Videos.
type VideosService struct{ c *caller }

// Request and result types of the Videos methods.
type (
	// VideoRequest is the body of Videos.Create. Model is required.
	VideoRequest = gen.VideoGenerationRequest
	// VideoJob is a video generation job as Videos.Create, Videos.Get and
	// Videos.Wait return it: its ID, Status and, once completed, the URLs
	// of its outputs.
	VideoJob = gen.VideoGenerationResponse
	// VideoStatus is the status of a [VideoJob]: pending, in_progress,
	// completed, failed, cancelled or expired.
	VideoStatus = gen.VideoGenerationResponseStatus
	// VideoContentParams choose which output of a job Videos.Content
	// downloads (Index, default 0).
	VideoContentParams = gen.ListVideosContentParams
	// VideoModelsResponse is the result of Videos.ListModels.
	VideoModelsResponse = gen.VideoModelsListResponse
)

// Create submits a video generation job and returns it, usually still
// pending; follow it with Get or Wait, then download the result with
// Content. It calls POST /videos.
func (s *VideosService) Create(ctx context.Context, req VideoRequest, opts ...Option) (*VideoJob, error) {
	return doJSON[VideoJob](ctx, s.c, "Videos.Create", opts, func(server string) (*http.Request, error) {
		return gen.NewCreateVideosRequest(server, req)
	})
}

// Get returns the video job with the given id: its status and, once it
// completed, its outputs. It calls GET /videos/{jobId}.
func (s *VideosService) Get(ctx context.Context, jobID string, opts ...Option) (*VideoJob, error) {
	const op = "Videos.Get"
	if err := nonEmpty(op, "jobID", jobID); err != nil {
		return nil, err
	}
	return doJSON[VideoJob](ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewGetVideosRequest(server, jobID)
	})
}

// Content downloads an output of a completed video job as an MP4 stream;
// params choose the output (nil for the first). The caller must Close the
// result. It calls GET /videos/{jobId}/content.
func (s *VideosService) Content(ctx context.Context, jobID string, params *VideoContentParams, opts ...Option) (*BinaryResponse, error) {
	const op = "Videos.Content"
	if err := nonEmpty(op, "jobID", jobID); err != nil {
		return nil, err
	}
	return doBinary(ctx, s.c, op, opts, func(server string) (*http.Request, error) {
		return gen.NewListVideosContentRequest(server, jobID, params)
	})
}

// ListModels lists the models that generate video, with the resolutions,
// durations and aspect ratios each supports. It calls GET /videos/models.
func (s *VideosService) ListModels(ctx context.Context, opts ...Option) (*VideoModelsResponse, error) {
	return doJSON[VideoModelsResponse](ctx, s.c, "Videos.ListModels", opts, func(server string) (*http.Request, error) {
		return gen.NewListVideosModelsRequest(server)
	})
}

// VideoWaitOptions set how often Videos.Wait polls. The zero value (and a
// nil *VideoWaitOptions) polls after 2s, then doubles the interval up to
// 30s.
type VideoWaitOptions struct {
	// Interval is the wait before the second poll; the first is at once.
	// Zero means 2s.
	Interval time.Duration
	// MaxInterval caps the interval as it doubles. Zero means 30s; a value
	// below Interval means Interval.
	MaxInterval time.Duration
}

// Default poll intervals of Videos.Wait.
const (
	defaultWaitInterval    = 2 * time.Second
	defaultWaitMaxInterval = 30 * time.Second
)

// VideoJobError is the error of Videos.Wait for a job that ended without
// completing: failed, cancelled or expired.
type VideoJobError struct {
	// JobID is the job's id.
	JobID string
	// Status is the job's final status.
	Status VideoStatus
	// Message is the job's error message, if OpenRouter gave one.
	Message string
	// Job is the job as last read.
	Job *VideoJob
}

// Error names the job, its status and the reason given.
func (e *VideoJobError) Error() string {
	msg := fmt.Sprintf("openrouter: Videos.Wait: video job %s ended with status %s", e.JobID, e.Status)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// videoTerminal reports whether a job in status st will not change again.
func videoTerminal(st VideoStatus) bool {
	switch st {
	case gen.VideoGenerationResponseStatusCompleted, gen.VideoGenerationResponseStatusFailed,
		gen.VideoGenerationResponseStatusCancelled, gen.VideoGenerationResponseStatusExpired:
		return true
	}
	return false
}

// Wait polls the video job with the given id (with Get) until it reaches
// a final status, and returns it. The first poll is immediate; the waits
// between polls grow from w.Interval to w.MaxInterval (w may be nil for
// 2s up to 30s). A completed job is returned with a nil error. A failed,
// cancelled or expired job is returned together with a [*VideoJobError]
// naming it. A failed poll (after the usual retries) or the end of ctx
// stops the wait with an error that names the job and its last status.
// It calls GET /videos/{jobId} once per poll.
func (s *VideosService) Wait(ctx context.Context, jobID string, w *VideoWaitOptions, opts ...Option) (*VideoJob, error) {
	const op = "Videos.Wait"
	if err := nonEmpty(op, "jobID", jobID); err != nil {
		return nil, err
	}
	var wo VideoWaitOptions
	if w != nil {
		wo = *w
	}
	interval, maxInterval, err := pollIntervals(op, wo.Interval, wo.MaxInterval, defaultWaitInterval, defaultWaitMaxInterval)
	if err != nil {
		return nil, err
	}
	job, err := poll(ctx, op, "video job "+jobID, interval, maxInterval,
		func(ctx context.Context) (*VideoJob, string, error) {
			job, err := s.Get(ctx, jobID, opts...)
			if err != nil {
				return nil, "", err
			}
			return job, string(job.Status), nil
		},
		func(job *VideoJob) bool { return videoTerminal(job.Status) })
	if err != nil {
		return nil, err
	}
	if job.Status != gen.VideoGenerationResponseStatusCompleted {
		e := &VideoJobError{JobID: jobID, Status: job.Status, Job: job}
		if job.Error != "" {
			e.Message = job.Error
		}
		return job, e
	}
	return job, nil
}
