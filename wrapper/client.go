package openrouter

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
)

// Client calls the OpenRouter API. Its services group the operations the way
// OpenRouter's documentation does. A Client is safe for concurrent use.
type Client struct {
	// Chat sends chat completions.
	Chat *ChatService
	// Completions sends legacy text completions.
	Completions *CompletionsService
	// Embeddings creates embeddings and lists embedding models.
	Embeddings *EmbeddingsService
	// Models lists and counts models.
	Models *ModelsService
	// Endpoints lists the provider endpoints of models.
	Endpoints *EndpointsService
	// Parameters tells which request parameters a model supports.
	Parameters *ParametersService
	// Providers lists inference providers.
	Providers *ProvidersService
	// Generations looks up past generations.
	Generations *GenerationsService
	// Credits reads and buys credits.
	Credits *CreditsService
	// APIKeys manages API keys (management key required).
	APIKeys *APIKeysService
	// Analytics reports usage.
	Analytics *AnalyticsService
	// OAuth runs the PKCE sign-in flow.
	OAuth *OAuthService
	// Beta groups APIs that OpenRouter marks as beta.
	Beta *BetaService
	// Batches runs batches of requests asynchronously (beta).
	Batches *BatchesService

	// Messages is the Anthropic Messages API.
	Messages *MessagesService
	// Images generates images.
	Images *ImagesService
	// Videos runs video generation jobs.
	Videos *VideosService
	// Rerank orders documents by relevance.
	Rerank *RerankService
	// STT transcribes speech.
	STT *STTService
	// TTS synthesizes speech.
	TTS *TTSService
	// Presets reads presets and saves request settings as presets.
	Presets *PresetsService
	// Files uploads and downloads files.
	Files *FilesService
	// Benchmarks reads model benchmark scores.
	Benchmarks *BenchmarksService
	// Classifications reads task classifications.
	Classifications *ClassificationsService
	// Datasets reads public rankings and cost datasets.
	Datasets *DatasetsService
	// BYOK manages bring-your-own provider keys (management key required).
	BYOK *BYOKService
	// Guardrails manages guardrails (management key required).
	Guardrails *GuardrailsService
	// Observability manages trace export destinations (management key required).
	Observability *ObservabilityService
	// Organization lists organization members (management key required).
	Organization *OrganizationService
	// SCIM manages SCIM group mappings (management key required).
	SCIM *SCIMService
	// Workspaces manages workspaces, budgets and members (management key required).
	Workspaces *WorkspacesService

	cfg *config
}

// NewClient returns a client configured by opts. The API key and base URL
// default to $OPENROUTER_API_KEY and $OPENROUTER_BASE_URL. A missing API key
// is not an error here, only at the first call that needs one, so the client
// also serves the OAuth flow and fake servers.
func NewClient(opts ...Option) (*Client, error) {
	cfg := &config{
		maxRetries:        2,
		retry:             DefaultRetryPolicy,
		timeout:           DefaultTimeout,
		streamIdleTimeout: DefaultStreamIdleTimeout,
		maxResponseBytes:  DefaultMaxResponseBytes,
		header:            http.Header{},
	}
	cfg.apiKey = strings.TrimSpace(os.Getenv("OPENROUTER_API_KEY"))
	base := DefaultBaseURL
	if env := strings.TrimSpace(os.Getenv("OPENROUTER_BASE_URL")); env != "" {
		base = env
	}
	u, err := parseBaseURL(base)
	if err != nil {
		return nil, fmt.Errorf("openrouter: OPENROUTER_BASE_URL: %w", err)
	}
	cfg.setBaseURL(u)
	if err := applyEnvAttribution(cfg); err != nil {
		return nil, err
	}
	for _, opt := range opts {
		if opt == nil {
			return nil, errors.New("openrouter: NewClient: nil option")
		}
		if err := opt(cfg); err != nil {
			return nil, err
		}
	}
	if cfg.httpClient == nil {
		cfg.httpClient = &http.Client{Transport: sharedTransport()}
	}
	cfg.httpClient = withSafeRedirects(cfg.httpClient)

	c := &Client{cfg: cfg}
	cl := &caller{cfg: cfg}
	c.Chat = &ChatService{cl}
	c.Completions = &CompletionsService{cl}
	c.Embeddings = &EmbeddingsService{cl}
	c.Models = &ModelsService{cl}
	c.Endpoints = &EndpointsService{cl}
	c.Parameters = &ParametersService{cl}
	c.Providers = &ProvidersService{cl}
	c.Generations = &GenerationsService{cl}
	c.Credits = &CreditsService{cl}
	c.APIKeys = &APIKeysService{cl}
	c.Analytics = &AnalyticsService{cl}
	c.OAuth = &OAuthService{cl}
	c.Beta = &BetaService{Responses: &ResponsesService{cl}}
	c.Batches = &BatchesService{cl}
	c.Messages = &MessagesService{cl}
	c.Images = &ImagesService{cl}
	c.Videos = &VideosService{cl}
	c.Rerank = &RerankService{cl}
	c.STT = &STTService{cl}
	c.TTS = &TTSService{cl}
	c.Presets = &PresetsService{cl}
	c.Files = &FilesService{cl}
	c.Benchmarks = &BenchmarksService{cl}
	c.Classifications = &ClassificationsService{cl}
	c.Datasets = &DatasetsService{cl}
	c.BYOK = &BYOKService{cl}
	c.Guardrails = &GuardrailsService{cl}
	c.Observability = &ObservabilityService{cl}
	c.Organization = &OrganizationService{cl}
	c.SCIM = &SCIMService{cl}
	c.Workspaces = &WorkspacesService{cl}
	return c, nil
}

func applyEnvAttribution(cfg *config) error {
	var cats []string
	if v := os.Getenv("OPENROUTER_APP_CATEGORIES"); v != "" {
		for _, c := range strings.Split(v, ",") {
			if c = strings.TrimSpace(c); c != "" {
				cats = append(cats, c)
			}
		}
	}
	site := strings.TrimSpace(os.Getenv("OPENROUTER_APP_URL"))
	title := strings.TrimSpace(os.Getenv("OPENROUTER_APP_TITLE"))
	if err := WithAppAttribution(site, title, cats...)(cfg); err != nil {
		return fmt.Errorf("%w (from OPENROUTER_APP_* environment variables)", err)
	}
	return nil
}

// CloseIdleConnections closes the idle keep-alive connections of the
// client's HTTP transport. Clients made without [WithHTTPClient] share one
// transport, so this closes the idle connections of all of them.
func (c *Client) CloseIdleConnections() { c.cfg.httpClient.CloseIdleConnections() }
