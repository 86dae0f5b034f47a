package openrouter

import (
	"encoding/json"
	"errors"
	"fmt"
)

// DestinationSummary holds the fields that every kind of
// [ObservabilityDestination] has, whatever its type; the type-specific
// Config stays in the destination (read it with its As* methods).
type DestinationSummary struct {
	// ID identifies the destination.
	ID UUID `json:"id"`
	// Type is the kind of destination, such as "langfuse" or "webhook".
	Type string `json:"type"`
	// Name is the destination's name, when it has one.
	Name *string `json:"name"`
	// Enabled reports whether traces are being exported to it.
	Enabled bool `json:"enabled"`
	// WorkspaceID is the workspace the destination belongs to.
	WorkspaceID UUID `json:"workspace_id"`
	// SamplingRate is the share of requests exported, from 0 to 1.
	SamplingRate float64 `json:"sampling_rate"`
	// PrivacyMode reports whether prompts and completions are left out.
	PrivacyMode bool `json:"privacy_mode"`
	// APIKeyHashes limits the export to these API keys; empty means all.
	APIKeyHashes []string `json:"api_key_hashes"`
	// CreatedAt and UpdatedAt are RFC 3339 timestamps.
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// SummarizeDestination returns the fields d shares with every other kind
// of destination, so that a listing can be shown without a type switch.
func SummarizeDestination(d ObservabilityDestination) (DestinationSummary, error) {
	var s DestinationSummary
	raw, err := d.MarshalJSON()
	if err != nil {
		return s, fmt.Errorf("openrouter: SummarizeDestination: %w", err)
	}
	if string(raw) == "null" {
		return s, errors.New("openrouter: SummarizeDestination: the destination is empty")
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, fmt.Errorf("openrouter: SummarizeDestination: %w", err)
	}
	return s, nil
}
