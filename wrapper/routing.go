package openrouter

import (
	"github.com/gopenrouter/openrouter/gen"
)

// ProviderPreferences is the provider field of chat, Responses and
// Messages requests: which providers serve the request and how they are
// ranked. Fill it with the helpers of this file:
//
//	Provider: &openrouter.ProviderPreferences{
//		Order:          openrouter.Providers("anthropic", "openai"),
//		AllowFallbacks: openrouter.NoFallbacks(),
//		Zdr:            openrouter.RequireZDR(),
//		DataCollection: openrouter.DataCollectionDeny,
//		Sort:           openrouter.SortBy(openrouter.SortByPrice),
//	},
type ProviderPreferences = gen.ProviderPreferences

// ProviderName is a provider slug or display name, such as "anthropic" or
// "Google", in [ProviderPreferences] Order, Only and Ignore.
type ProviderName = gen.ProviderName

// MaxPrice caps the price of a request in [ProviderPreferences].MaxPrice,
// in US dollars per million tokens (Prompt, Completion), per image, per
// audio unit and per request, each written as a decimal string: "0.5".
type MaxPrice = gen.ProviderPreferencesMaxPrice

// DataCollection says whether providers that may store or train on
// request data may serve a request: [DataCollectionAllow] (the default)
// or [DataCollectionDeny].
type DataCollection = gen.ProviderPreferencesDataCollection

// The data collection policies of [ProviderPreferences].DataCollection.
const (
	DataCollectionAllow DataCollection = gen.ProviderPreferencesDataCollectionAllow
	DataCollectionDeny  DataCollection = gen.ProviderPreferencesDataCollectionDeny
)

// ProviderSort is the key by which providers are ranked; pass it to
// [SortBy] or [SortWithinModel].
type ProviderSort = gen.ProviderSort

// The keys by which OpenRouter ranks providers.
const (
	SortByPrice      ProviderSort = gen.ProviderSortPrice
	SortByThroughput ProviderSort = gen.ProviderSortThroughput
	SortByLatency    ProviderSort = gen.ProviderSortLatency
	SortByExacto     ProviderSort = gen.ProviderSortExacto
)

// Quantization is the numeric precision of a provider's model weights, in
// [ProviderPreferences].Quantizations.
type Quantization = gen.Quantization

// The quantizations that OpenRouter routes by.
const (
	QuantizationInt4    Quantization = gen.QuantizationInt4
	QuantizationInt8    Quantization = gen.QuantizationInt8
	QuantizationFP4     Quantization = gen.QuantizationFp4
	QuantizationFP6     Quantization = gen.QuantizationFp6
	QuantizationFP8     Quantization = gen.QuantizationFp8
	QuantizationFP16    Quantization = gen.QuantizationFp16
	QuantizationBF16    Quantization = gen.QuantizationBf16
	QuantizationFP32    Quantization = gen.QuantizationFp32
	QuantizationMXFP4   Quantization = gen.QuantizationMxfp4
	QuantizationMXFP8   Quantization = gen.QuantizationMxfp8
	QuantizationNVFP4   Quantization = gen.QuantizationNvfp4
	QuantizationUnknown Quantization = gen.QuantizationUnknown
)

// Providers returns provider slugs or names as the list that
// [ProviderPreferences] Order, Only and Ignore take:
//
//	Only: openrouter.Providers("anthropic", "google-vertex"),
//
// Empty strings are dropped, so Providers() and Providers("") are nil,
// which leaves the field out of the request.
func Providers(slugs ...string) []ProviderName {
	var out []ProviderName
	for _, s := range slugs {
		if s != "" {
			out = append(out, ProviderName(s))
		}
	}
	return out
}

// Quantizations returns the list that [ProviderPreferences].Quantizations
// takes: only providers serving one of these precisions are used.
func Quantizations(q ...Quantization) []Quantization {
	if len(q) == 0 {
		return nil
	}
	return append([]Quantization(nil), q...)
}

// SortBy ranks the providers of each model by key, such as
// [SortByPrice]; with model fallbacks, every endpoint of the first model
// is tried before the next model.
func SortBy(key ProviderSort) *gen.ProviderPreferencesSort {
	s := unionOf((*gen.ProviderPreferencesSort).FromProviderSort, key) // marshalling a string cannot fail
	return &s
}

// SortAcrossModels ranks the endpoints of all the request's models
// together by key (partition "none"), so that, say, the cheapest endpoint
// of any fallback model is tried first.
func SortAcrossModels(key ProviderSort) *gen.ProviderPreferencesSort {
	return sortConfig(key, gen.ProviderSortConfigPartitionNone)
}

// SortWithinModel ranks endpoints by key within each model (partition
// "model"), the same ranking as [SortBy] in object form.
func SortWithinModel(key ProviderSort) *gen.ProviderPreferencesSort {
	return sortConfig(key, gen.ProviderSortConfigPartitionModel)
}

func sortConfig(key ProviderSort, p gen.ProviderSortConfigPartition) *gen.ProviderPreferencesSort {
	var s gen.ProviderPreferencesSort
	// A struct of two strings always marshals.
	_ = s.FromProviderSortConfig(gen.ProviderSortConfig{By: gen.ProviderSortConfigBy(key), Partition: p})
	return &s
}

// MaxLatency prefers endpoints whose median (p50) latency is at most
// seconds, for [ProviderPreferences].PreferredMaxLatency. Slower
// endpoints are still used when no other can serve.
func MaxLatency(seconds float64) *gen.PreferredMaxLatency {
	l := unionOf((*gen.PreferredMaxLatency).FromPreferredMaxLatencyNumber, seconds) // a finite number always marshals
	return &l
}

// MinThroughput prefers endpoints whose median (p50) throughput is at
// least tokensPerSecond, for [ProviderPreferences].PreferredMinThroughput.
func MinThroughput(tokensPerSecond float64) *gen.PreferredMinThroughput {
	t := unionOf((*gen.PreferredMinThroughput).FromPreferredMinThroughputNumber, tokensPerSecond)
	return &t
}

// ModelFallbacks returns the model ids that the Models field of chat,
// Responses, Messages and completion requests takes: when the first model
// cannot serve the request (down, rate-limited, refusing the content),
// OpenRouter tries the next one. Empty strings are dropped.
//
//	req := openrouter.ChatRequest{
//		Models:   openrouter.ModelFallbacks("anthropic/claude-sonnet-4.5", "openai/gpt-4o"),
//		Messages: msgs,
//	}
func ModelFallbacks(models ...string) []string {
	var out []string
	for _, m := range models {
		if m != "" {
			out = append(out, m)
		}
	}
	return out
}

// The switches of [ProviderPreferences] are *bool fields, nil leaving the
// API's default. These constructors set them by name, without a pointer
// to a bool literal:
//
//	Provider: &openrouter.ProviderPreferences{
//		Only:              openrouter.Providers("anthropic"),
//		AllowFallbacks:    openrouter.NoFallbacks(),
//		RequireParameters: openrouter.RequireAllParameters(),
//	},

// NoFallbacks is the AllowFallbacks value that keeps a request on the
// providers of Order (or the first one OpenRouter picks): when they fail,
// the request fails instead of going on to other providers.
func NoFallbacks() *bool { return Ptr(false) }

// FallbacksAllowed is the AllowFallbacks value that lets OpenRouter go on
// to other providers when the preferred ones fail, which is also what a
// nil AllowFallbacks means.
func FallbacksAllowed() *bool { return Ptr(true) }

// RequireZDR is the Zdr value that routes the request only to endpoints
// with a zero-data-retention policy.
func RequireZDR() *bool { return Ptr(true) }

// RequireAllParameters is the RequireParameters value that routes the
// request only to providers that support every parameter it sets
// (response_format, tools, ...), rather than ignoring the ones a provider
// lacks.
func RequireAllParameters() *bool { return Ptr(true) }

// RequireDistillableText is the EnforceDistillableText value that routes
// the request only to models whose authors allow their output to be used
// to train (distill) other models.
func RequireDistillableText() *bool { return Ptr(true) }
