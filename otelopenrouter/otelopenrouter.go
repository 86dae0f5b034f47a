package otelopenrouter

import (
	"context"
	"errors"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// ScopeName is the instrumentation scope of the spans and metrics.
const ScopeName = "github.com/gopenrouter/openrouter/otelopenrouter"

// ProviderName is the gen_ai.provider.name of every span and metric: the
// service the SDK talks to. The inference provider that OpenRouter routed
// the request to (such as "OpenAI") is in the openrouter.provider
// attribute.
const ProviderName = "openrouter"

// Option configures [Instrument] and [NewObserver].
type Option func(*config)

type config struct {
	tp      trace.TracerProvider
	mp      metric.MeterProvider
	content bool
}

// WithTracerProvider sets the provider of the tracer; the default is the
// global one (otel.GetTracerProvider).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.tp = tp }
}

// WithMeterProvider sets the provider of the meter; the default is the
// global one (otel.GetMeterProvider).
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(c *config) { c.mp = mp }
}

// WithContent records the content of calls on their spans: the messages
// sent (gen_ai.input.messages), the answer (gen_ai.output.messages), and
// the arguments and results of tool calls (gen_ai.tool.call.arguments,
// gen_ai.tool.call.result). Prompts and answers often hold personal or
// confidential data and can be large: without this option none of it is
// recorded.
func WithContent() Option {
	return func(c *config) { c.content = true }
}

// Instrument returns the client option that traces and measures the
// client's calls: openrouter.WithObserver(NewObserver(opts...)).
func Instrument(opts ...Option) openrouter.Option {
	return openrouter.WithObserver(NewObserver(opts...))
}

// NewObserver returns the observer that makes the spans and metrics, for
// [openrouter.WithObserver].
func NewObserver(opts ...Option) openrouter.Observer {
	cfg := config{}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.tp == nil {
		cfg.tp = otel.GetTracerProvider()
	}
	if cfg.mp == nil {
		cfg.mp = otel.GetMeterProvider()
	}
	in := newInstruments(cfg)
	return openrouter.Observer{
		CallStart:     in.callStart,
		Retry:         in.retry,
		AttemptEnd:    in.attemptEnd,
		StreamEvent:   in.streamEvent,
		CallEnd:       in.callEnd,
		RunStart:      in.runStart,
		RunEnd:        in.runEnd,
		ToolCallStart: in.toolStart,
		ToolCallEnd:   in.toolEnd,
	}
}

// Attribute keys. The gen_ai ones are the OpenTelemetry GenAI semantic
// conventions' (experimental); server.*, error.type and
// http.response.status_code are stable; openrouter.* are this package's.
const (
	keyOperationName     = attribute.Key("gen_ai.operation.name")
	keyProviderName      = attribute.Key("gen_ai.provider.name")
	keyRequestModel      = attribute.Key("gen_ai.request.model")
	keyResponseModel     = attribute.Key("gen_ai.response.model")
	keyResponseID        = attribute.Key("gen_ai.response.id")
	keyFinishReasons     = attribute.Key("gen_ai.response.finish_reasons")
	keyInputTokens       = attribute.Key("gen_ai.usage.input_tokens")
	keyOutputTokens      = attribute.Key("gen_ai.usage.output_tokens")
	keyReasoningTokens   = attribute.Key("gen_ai.usage.reasoning.output_tokens")
	keyCacheReadTokens   = attribute.Key("gen_ai.usage.cache_read.input_tokens")
	keyTimeToFirstChunk  = attribute.Key("gen_ai.response.time_to_first_chunk")
	keyTokenType         = attribute.Key("gen_ai.token.type")
	keyInputMessages     = attribute.Key("gen_ai.input.messages")
	keyOutputMessages    = attribute.Key("gen_ai.output.messages")
	keyToolName          = attribute.Key("gen_ai.tool.name")
	keyToolCallID        = attribute.Key("gen_ai.tool.call.id")
	keyToolType          = attribute.Key("gen_ai.tool.type")
	keyToolCallArguments = attribute.Key("gen_ai.tool.call.arguments")
	keyToolCallResult    = attribute.Key("gen_ai.tool.call.result")
	keyServerAddress     = attribute.Key("server.address")
	keyServerPort        = attribute.Key("server.port")
	keyErrorType         = attribute.Key("error.type")
	keyHTTPStatus        = attribute.Key("http.response.status_code")

	keyOperation  = attribute.Key("openrouter.operation")
	keyProvider   = attribute.Key("openrouter.provider")
	keyCost       = attribute.Key("openrouter.usage.cost")
	keyAttempts   = attribute.Key("openrouter.attempts")
	keyAttempt    = attribute.Key("openrouter.attempt")
	keyRetryDelay = attribute.Key("openrouter.retry.delay")
	keyEvents     = attribute.Key("openrouter.stream.events")
	keySteps      = attribute.Key("openrouter.run.steps")
	keyStopped    = attribute.Key("openrouter.run.stopped")
	keyPending    = attribute.Key("openrouter.run.pending_approvals")
)

// Metric names: the GenAI conventions' (experimental) and this package's
// cost.
const (
	MetricOperationDuration = "gen_ai.client.operation.duration"
	MetricTokenUsage        = "gen_ai.client.token.usage"
	MetricTimeToFirstChunk  = "gen_ai.client.operation.time_to_first_chunk"
	MetricCost              = "openrouter.client.cost"
)

type instruments struct {
	cfg      config
	tracer   trace.Tracer
	duration metric.Float64Histogram
	tokens   metric.Int64Histogram
	ttfc     metric.Float64Histogram
	cost     metric.Float64Histogram
}

func newInstruments(cfg config) *instruments {
	in := &instruments{cfg: cfg, tracer: cfg.tp.Tracer(ScopeName, trace.WithInstrumentationVersion(openrouter.Version))}
	meter := cfg.mp.Meter(ScopeName, metric.WithInstrumentationVersion(openrouter.Version))
	// Bucket boundaries as the conventions advise. An error here (only
	// an invalid name or boundaries) leaves a no-op instrument.
	in.duration, _ = meter.Float64Histogram(MetricOperationDuration, metric.WithUnit("s"),
		metric.WithDescription("GenAI operation duration."),
		metric.WithExplicitBucketBoundaries(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92))
	in.tokens, _ = meter.Int64Histogram(MetricTokenUsage, metric.WithUnit("{token}"),
		metric.WithDescription("Number of input and output tokens used."),
		metric.WithExplicitBucketBoundaries(1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864))
	in.ttfc, _ = meter.Float64Histogram(MetricTimeToFirstChunk, metric.WithUnit("s"),
		metric.WithDescription("Time to receive the first chunk of a streaming response."),
		metric.WithExplicitBucketBoundaries(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92))
	in.cost, _ = meter.Float64Histogram(MetricCost, metric.WithUnit("{USD}"),
		metric.WithDescription("Cost of an OpenRouter call in US dollars (credits), as the response's usage reports it."),
		metric.WithExplicitBucketBoundaries(0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10, 100))
	return in
}

// genAIOperation is the gen_ai.operation.name of an SDK method, or "" for
// one that runs no model (model listings, keys, ...).
func genAIOperation(op string) string {
	switch op {
	case "Chat.Send", "Chat.Stream", "Beta.Responses.Send", "Beta.Responses.Stream", "Messages.Send", "Messages.Stream":
		return "chat"
	case "Completions.Generate", "Completions.Stream":
		return "text_completion"
	case "Embeddings.Generate":
		return "embeddings"
	}
	return ""
}

type ctxKey int

const (
	callKey ctxKey = iota
	runKey
	toolKey
)

// callState is what a call's span needs between its events; it lives in
// the call's context. A call's events come one at a time.
type callState struct {
	span      trace.Span
	start     time.Time
	operation string // gen_ai.operation.name, "" for other calls
	model     string
	server    string
	port      int
	stream    bool
	status    int // of the last attempt
	firstAt   time.Time
	sum       summary
}

func (in *instruments) callStart(ctx context.Context, info openrouter.CallStartInfo) context.Context {
	st := &callState{start: time.Now(), operation: genAIOperation(info.Operation), model: info.RequestModel,
		server: info.ServerAddress, port: info.ServerPort, stream: info.Stream}
	attrs := []attribute.KeyValue{keyOperation.String(info.Operation), keyServerAddress.String(info.ServerAddress), keyServerPort.Int(info.ServerPort)}
	name := "openrouter " + info.Operation
	if st.operation != "" {
		name = st.operation
		if st.model != "" {
			name += " " + st.model
		}
		attrs = append(attrs, keyOperationName.String(st.operation), keyProviderName.String(ProviderName))
		if st.model != "" {
			attrs = append(attrs, keyRequestModel.String(st.model))
		}
		if in.cfg.content {
			if msgs := inputMessages(info.RequestBody); msgs != "" {
				attrs = append(attrs, keyInputMessages.String(msgs))
			}
		}
	}
	// The span starts and ends at the times the durations are measured
	// from, so that the time to the first chunk never exceeds the span.
	ctx, st.span = in.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...), trace.WithTimestamp(st.start))
	return context.WithValue(ctx, callKey, st)
}

func stateOf(ctx context.Context) *callState {
	st, _ := ctx.Value(callKey).(*callState)
	return st
}

func (in *instruments) attemptEnd(ctx context.Context, info openrouter.AttemptInfo) {
	if st := stateOf(ctx); st != nil {
		st.status = info.StatusCode
	}
}

func (in *instruments) retry(ctx context.Context, info openrouter.RetryInfo) {
	st := stateOf(ctx)
	if st == nil {
		return
	}
	attrs := []attribute.KeyValue{keyAttempt.Int(info.Attempt), keyRetryDelay.Float64(info.Delay.Seconds()), keyErrorType.String(errorType(info.Err))}
	var apiErr *openrouter.APIError
	if errors.As(info.Err, &apiErr) && apiErr.StatusCode != 0 {
		attrs = append(attrs, keyHTTPStatus.Int(apiErr.StatusCode))
	}
	st.span.AddEvent("openrouter.retry", trace.WithAttributes(attrs...))
}

func (in *instruments) streamEvent(ctx context.Context, info openrouter.StreamEventInfo) {
	st := stateOf(ctx)
	if st == nil {
		return
	}
	if info.N == 1 {
		// The first event of the attempt that is read to the end (an
		// attempt retried after a failure starts again at 1).
		st.firstAt = time.Now()
		st.sum = summary{}
	}
	st.sum.addEvent(info.Event, in.cfg.content)
}

func (in *instruments) callEnd(ctx context.Context, info openrouter.CallEndInfo) {
	st := stateOf(ctx)
	if st == nil {
		return
	}
	end := time.Now()
	elapsed := end.Sub(st.start)
	if info.Result != nil {
		st.sum.addResult(info.Result, in.cfg.content)
	}
	span := st.span
	span.SetAttributes(keyAttempts.Int(info.Attempts))
	if st.status != 0 {
		span.SetAttributes(keyHTTPStatus.Int(st.status))
	}
	if st.stream {
		span.SetAttributes(keyEvents.Int(info.Events))
	}
	var ttfc time.Duration
	if !st.firstAt.IsZero() {
		ttfc = st.firstAt.Sub(st.start)
		span.SetAttributes(keyTimeToFirstChunk.Float64(ttfc.Seconds()))
	}
	s := &st.sum
	if st.operation != "" {
		span.SetAttributes(s.attributes(in.cfg.content)...)
	}
	errType := ""
	if info.Err != nil {
		errType = errorType(info.Err)
		span.SetAttributes(keyErrorType.String(errType))
		span.SetStatus(codes.Error, info.Err.Error())
	}
	span.End(trace.WithTimestamp(end))

	if st.operation == "" {
		return
	}
	attrs := []attribute.KeyValue{keyOperationName.String(st.operation), keyProviderName.String(ProviderName),
		keyServerAddress.String(st.server), keyServerPort.Int(st.port)}
	if st.model != "" {
		attrs = append(attrs, keyRequestModel.String(st.model))
	}
	if s.model != "" {
		attrs = append(attrs, keyResponseModel.String(s.model))
	}
	if errType != "" {
		attrs = append(attrs, keyErrorType.String(errType))
	}
	in.duration.Record(ctx, elapsed.Seconds(), metric.WithAttributes(attrs...))
	if st.stream && ttfc > 0 {
		in.ttfc.Record(ctx, ttfc.Seconds(), metric.WithAttributes(attrs...))
	}
	if s.hasUsage {
		n := len(attrs)
		in.tokens.Record(ctx, s.input, metric.WithAttributes(append(attrs[:n:n], keyTokenType.String("input"))...))
		if st.operation != "embeddings" {
			in.tokens.Record(ctx, s.output, metric.WithAttributes(append(attrs[:n:n], keyTokenType.String("output"))...))
		}
	}
	if s.hasCost {
		in.cost.Record(ctx, s.cost, metric.WithAttributes(attrs...))
	}
}

// errorType is the error.type of an error: the HTTP status of an API
// error, or a short name of what went wrong.
func errorType(err error) string {
	var apiErr *openrouter.APIError
	var decErr *openrouter.DecodeError
	var tooLarge *openrouter.ResponseTooLargeError
	var toolErr *openrouter.ToolError
	switch {
	case errors.As(err, &apiErr):
		if apiErr.StatusCode != 0 {
			return strconv.Itoa(apiErr.StatusCode)
		}
		if apiErr.Code != 0 {
			return strconv.Itoa(apiErr.Code)
		}
		return "api_error"
	case errors.Is(err, openrouter.ErrStreamIdleTimeout):
		return "stream_idle_timeout"
	case errors.Is(err, openrouter.ErrStreamTruncated):
		return "stream_truncated"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.As(err, &decErr):
		return "decode_error"
	case errors.As(err, &tooLarge):
		return "response_too_large"
	case errors.Is(err, openrouter.ErrMaxSteps):
		return "max_steps"
	case errors.Is(err, openrouter.ErrMaxCost):
		return "max_cost"
	case errors.Is(err, openrouter.ErrRepeatedToolCall):
		return "repeated_tool_call"
	case errors.Is(err, openrouter.ErrUnknownTool):
		return "unknown_tool"
	case errors.Is(err, openrouter.ErrToolPanicked):
		return "tool_panic"
	case errors.Is(err, openrouter.ErrToolDenied):
		return "tool_denied"
	case errors.As(err, &toolErr):
		return "tool_error"
	}
	return "_OTHER"
}

func (in *instruments) runStart(ctx context.Context, info openrouter.RunStartInfo) context.Context {
	attrs := []attribute.KeyValue{keyOperationName.String("invoke_agent"), keyProviderName.String(ProviderName)}
	if info.Model != "" {
		attrs = append(attrs, keyRequestModel.String(info.Model))
	}
	ctx, span := in.tracer.Start(ctx, "invoke_agent", trace.WithSpanKind(trace.SpanKindInternal), trace.WithAttributes(attrs...))
	return context.WithValue(ctx, runKey, span)
}

func (in *instruments) runEnd(ctx context.Context, info openrouter.RunEndInfo) {
	span, _ := ctx.Value(runKey).(trace.Span)
	if span == nil {
		return
	}
	if r := info.Result; r != nil {
		span.SetAttributes(keySteps.Int(r.Steps), keyCost.Float64(r.Cost))
		if r.Stopped {
			span.SetAttributes(keyStopped.Bool(true))
		}
		if r.Response != nil && r.Response.Model != "" {
			span.SetAttributes(keyResponseModel.String(r.Response.Model))
		}
	}
	switch {
	case errors.Is(info.Err, openrouter.ErrApprovalRequired):
		// A pause for approval is not a failure: the run goes on when
		// it is resumed, under a span of its own.
		if r := info.Result; r != nil {
			span.SetAttributes(keyPending.Int(len(r.Pending)))
		}
	case info.Err != nil:
		span.SetAttributes(keyErrorType.String(errorType(info.Err)))
		span.SetStatus(codes.Error, info.Err.Error())
	}
	span.End()
}

func (in *instruments) toolStart(ctx context.Context, info openrouter.ToolCallInfo) context.Context {
	attrs := []attribute.KeyValue{keyOperationName.String("execute_tool"), keyToolName.String(info.Name),
		keyToolCallID.String(info.CallID), keyToolType.String("function")}
	if in.cfg.content {
		attrs = append(attrs, keyToolCallArguments.String(info.Arguments))
	}
	ctx, span := in.tracer.Start(ctx, "execute_tool "+info.Name, trace.WithSpanKind(trace.SpanKindInternal), trace.WithAttributes(attrs...))
	return context.WithValue(ctx, toolKey, span)
}

func (in *instruments) toolEnd(ctx context.Context, info openrouter.ToolCallInfo) {
	span, _ := ctx.Value(toolKey).(trace.Span)
	if span == nil {
		return
	}
	if info.Err != nil {
		span.SetAttributes(keyErrorType.String(errorType(info.Err)))
		span.SetStatus(codes.Error, info.Err.Error())
	} else if in.cfg.content {
		span.SetAttributes(keyToolCallResult.String(info.Result))
	}
	span.End()
}
