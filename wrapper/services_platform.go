package openrouter

// Service types of the operations beyond the core set. Their methods are in
// the services_*.go file of their group.

// MessagesService calls the Anthropic Messages API on any model. Get it
// from [Client].Messages.
type MessagesService struct{ c *Client }

// ImagesService generates images. Get it from [Client].Images.
type ImagesService struct{ c *Client }

// VideosService runs video generation jobs. Get it from [Client].Videos.
type VideosService struct{ c *Client }

// RerankService orders documents by relevance. Get it from [Client].Rerank.
type RerankService struct{ c *Client }

// STTService transcribes speech to text. Get it from [Client].STT.
type STTService struct{ c *Client }

// TTSService synthesizes speech from text. Get it from [Client].TTS.
type TTSService struct{ c *Client }

// PresetsService reads presets and saves request settings as presets. Get it
// from [Client].Presets.
type PresetsService struct{ c *Client }

// FilesService uploads, lists, downloads and deletes files. Get it from
// [Client].Files.
type FilesService struct{ c *Client }

// BenchmarksService reads model benchmark scores. Get it from
// [Client].Benchmarks.
type BenchmarksService struct{ c *Client }

// ClassificationsService reads task classifications. Get it from
// [Client].Classifications.
type ClassificationsService struct{ c *Client }

// DatasetsService reads OpenRouter's public datasets. Get it from
// [Client].Datasets.
type DatasetsService struct{ c *Client }

// BYOKService manages bring-your-own provider keys; its methods need a
// management key. Get it from [Client].BYOK.
type BYOKService struct{ c *Client }

// GuardrailsService manages guardrails and their assignments; its methods
// need a management key. Get it from [Client].Guardrails.
type GuardrailsService struct{ c *Client }

// ObservabilityService manages trace export destinations; its methods need
// a management key. Get it from [Client].Observability.
type ObservabilityService struct{ c *Client }

// OrganizationService lists organization members; it needs a management
// key. Get it from [Client].Organization.
type OrganizationService struct{ c *Client }

// SCIMService manages SCIM group mappings; its methods need a management
// key. Get it from [Client].SCIM.
type SCIMService struct{ c *Client }

// WorkspacesService manages workspaces, their budgets and members; its
// methods need a management key. Get it from [Client].Workspaces.
type WorkspacesService struct{ c *Client }
