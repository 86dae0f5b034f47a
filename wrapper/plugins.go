package openrouter

import (
	"github.com/gopenrouter/openrouter/gen"
)

// Plugin is one entry of [ChatRequest].Plugins: a request plugin that
// OpenRouter runs around the model call, such as web search, PDF parsing
// or an automatic model router. Build it with the *Plugin constructors of
// this package; [ResponsesPlugins] and [MessagesPlugins] convert a list
// for the Responses and Messages APIs, which take the same plugins.
//
// The constructors cannot fail: they set the plugin's id, and the options
// they take are plain Go values that always marshal.
type Plugin = gen.ChatRequestPlugin

// The options of the plugins that take any. Each is the plugin's own
// object; its ID field is set by the constructor, so leave it empty.
type (
	// WebSearchPluginOptions configures [WebSearchPlugin]: engine, mode,
	// result and use limits, domain lists, search prompt and location.
	WebSearchPluginOptions = gen.WebSearchPlugin
	// WebFetchPluginOptions configures [WebFetchPlugin]: allowed and
	// blocked domains, use limit and content token cap.
	WebFetchPluginOptions = gen.WebFetchPlugin
	// AutoRouterOptions configures [AutoRouterPlugin]: allowed and
	// excluded models, cost tier and model pinning.
	AutoRouterOptions = gen.AutoRouterPlugin
	// AutoBetaRouterOptions configures [AutoBetaRouterPlugin].
	AutoBetaRouterOptions = gen.AutoBetaRouterPlugin
	// ParetoRouterOptions configures [ParetoRouterPlugin]: price cap,
	// minimum coding score and price source.
	ParetoRouterOptions = gen.ParetoRouterPlugin
	// FusionPluginOptions configures [FusionPlugin]: panel preset or
	// models, analyst model and tools.
	FusionPluginOptions = gen.FusionPlugin
)

// PDFEngine is the engine with which the file-parser plugin reads PDFs;
// pass it to [PDFPlugin].
type PDFEngine = gen.PDFParserEngine

// The PDF engines of the file-parser plugin.
const (
	// PDFEngineMistralOCR runs OCR on every page: for scans and images
	// (billed per page).
	PDFEngineMistralOCR PDFEngine = gen.PDFParserEngineMistralOcr
	// PDFEngineNative passes the file to models that read PDFs
	// themselves (billed as input tokens).
	PDFEngineNative PDFEngine = gen.PDFParserEngineNative
	// PDFEngineCloudflareAI extracts the text layer (free).
	PDFEngineCloudflareAI PDFEngine = gen.PDFParserEngineCloudflareAi
)

// WebSearchMode is an engine-specific search mode, for
// [WebSearchToolConfig].Mode and [WebSearchPluginOptions].Mode.
type WebSearchMode = gen.WebSearchMode

// The web search modes: Exa takes instant, fast, auto, deep, deep-lite and
// deep-reasoning; Parallel takes turbo, basic and advanced.
const (
	WebSearchModeInstant       WebSearchMode = gen.WebSearchModeInstant
	WebSearchModeFast          WebSearchMode = gen.WebSearchModeFast
	WebSearchModeAuto          WebSearchMode = gen.WebSearchModeAuto
	WebSearchModeDeep          WebSearchMode = gen.WebSearchModeDeep
	WebSearchModeDeepLite      WebSearchMode = gen.WebSearchModeDeepLite
	WebSearchModeDeepReasoning WebSearchMode = gen.WebSearchModeDeepReasoning
	WebSearchModeTurbo         WebSearchMode = gen.WebSearchModeTurbo
	WebSearchModeBasic         WebSearchMode = gen.WebSearchModeBasic
	WebSearchModeAdvanced      WebSearchMode = gen.WebSearchModeAdvanced
)

// SearchEngine is the search engine of [WebSearchTool], in
// [WebSearchToolConfig].Engine.
type SearchEngine = gen.WebSearchEngineEnum

// The search engines of the openrouter:web_search server tool.
const (
	SearchEngineAuto       SearchEngine = gen.WebSearchEngineEnumAuto
	SearchEngineNative     SearchEngine = gen.WebSearchEngineEnumNative
	SearchEngineExa        SearchEngine = gen.WebSearchEngineEnumExa
	SearchEngineParallel   SearchEngine = gen.WebSearchEngineEnumParallel
	SearchEngineFirecrawl  SearchEngine = gen.WebSearchEngineEnumFirecrawl
	SearchEnginePerplexity SearchEngine = gen.WebSearchEngineEnumPerplexity
)

// SearchContextSize is how much content a web search fetches per result,
// in [WebSearchToolConfig].SearchContextSize.
type SearchContextSize = gen.SearchQualityLevel

// The search context sizes.
const (
	SearchContextLow    SearchContextSize = gen.SearchQualityLevelLow
	SearchContextMedium SearchContextSize = gen.SearchQualityLevelMedium
	SearchContextHigh   SearchContextSize = gen.SearchQualityLevelHigh
)

// first returns a copy of the first of opts, or the zero T.
func first[T any](opts []T) T {
	var v T
	if len(opts) > 0 {
		v = opts[0]
	}
	return v
}

// firstPtr returns a pointer to a copy of the first of opts, or nil.
func firstPtr[T any](opts []T) *T {
	if len(opts) == 0 {
		return nil
	}
	v := opts[0]
	return &v
}

// WebSearchPlugin returns the "web" plugin, which searches the web before
// the model answers and adds the results to the prompt. opts optionally
// configures it (the first one is used). The [WebSearchTool] server tool
// lets the model decide when to search instead.
func WebSearchPlugin(opts ...WebSearchPluginOptions) Plugin {
	o := first(opts)
	o.ID = gen.WebSearchPluginIDWeb
	return unionOf((*Plugin).FromWebSearchPlugin, o)
}

// WebFetchPlugin returns the "web-fetch" plugin, which fetches the pages
// the prompt links to. opts optionally configures it.
func WebFetchPlugin(opts ...WebFetchPluginOptions) Plugin {
	o := first(opts)
	o.ID = gen.WebFetchPluginIDWebFetch
	return unionOf((*Plugin).FromWebFetchPlugin, o)
}

// PDFPlugin returns the "file-parser" plugin set to read the PDFs of the
// request (file parts such as [PDFBytesPart] or [FileURLPart]) with
// engine; an empty engine leaves the choice to OpenRouter.
func PDFPlugin(engine PDFEngine) Plugin {
	fp := gen.FileParserPlugin{ID: gen.FileParserPluginIDFileParser}
	if engine != "" {
		fp.Pdf = &gen.PDFParserOptions{Engine: engine}
	}
	return unionOf((*Plugin).FromFileParserPlugin, fp)
}

// ModerationPlugin returns the "moderation" plugin, which runs content
// moderation on the request.
func ModerationPlugin() Plugin {
	return unionOf((*Plugin).FromModerationPlugin, gen.ModerationPlugin{ID: gen.ModerationPluginIDModeration})
}

// ResponseHealingPlugin returns the "response-healing" plugin, which
// repairs malformed JSON answers to structured-output requests.
func ResponseHealingPlugin() Plugin {
	return unionOf((*Plugin).FromResponseHealingPlugin, gen.ResponseHealingPlugin{ID: gen.ResponseHealingPluginIDResponseHealing})
}

// ContextCompressionPlugin returns the "context-compression" plugin, which
// shrinks a prompt too long for the model's context by removing messages
// from its middle ("middle-out").
func ContextCompressionPlugin() Plugin {
	var p Plugin
	_ = p.FromContextCompressionPlugin(gen.ContextCompressionPlugin{
		ID:     gen.ContextCompressionPluginIDContextCompression,
		Engine: gen.ContextCompressionEngineMiddleOut,
	})
	return p
}

// AutoRouterPlugin returns the "auto-router" plugin, which picks the model
// for each request (use it with Model "openrouter/auto"). opts optionally
// limits the models and sets the cost tier.
func AutoRouterPlugin(opts ...AutoRouterOptions) Plugin {
	o := first(opts)
	o.ID = gen.AutoRouterPluginIDAutoRouter
	return unionOf((*Plugin).FromAutoRouterPlugin, o)
}

// AutoBetaRouterPlugin returns the "auto-beta-router" plugin, the beta of
// [AutoRouterPlugin].
func AutoBetaRouterPlugin(opts ...AutoBetaRouterOptions) Plugin {
	o := first(opts)
	o.ID = gen.AutoBetaRouterPluginIDAutoBetaRouter
	return unionOf((*Plugin).FromAutoBetaRouterPlugin, o)
}

// ParetoRouterPlugin returns the "pareto-router" plugin, which picks a
// model on the price versus coding-quality frontier.
func ParetoRouterPlugin(opts ...ParetoRouterOptions) Plugin {
	o := first(opts)
	o.ID = gen.ParetoRouterPluginIDParetoRouter
	return unionOf((*Plugin).FromParetoRouterPlugin, o)
}

// FusionPlugin returns the "fusion" plugin, which sends the prompt to a
// panel of models and has an analyst model combine their answers.
func FusionPlugin(opts ...FusionPluginOptions) Plugin {
	o := first(opts)
	o.ID = gen.FusionPluginIDFusion
	return unionOf((*Plugin).FromFusionPlugin, o)
}

// ResponsesPlugins converts plugins built with this package's
// constructors for [ResponsesRequest].Plugins.
func ResponsesPlugins(plugins ...Plugin) []gen.ResponsesRequestPlugin {
	return convertUnions[gen.ResponsesRequestPlugin](plugins)
}

// MessagesPlugins converts plugins built with this package's constructors
// for [MessagesRequest].Plugins.
func MessagesPlugins(plugins ...Plugin) []gen.MessagesRequestPlugin {
	return convertUnions[gen.MessagesRequestPlugin](plugins)
}

// union is a generated union type: JSON in, JSON out.
type union interface {
	MarshalJSON() ([]byte, error)
}

// convertUnions moves each union value to another union type of the same
// JSON. A union built by a constructor holds valid JSON, so the copy
// cannot fail; an empty union stays empty.
func convertUnions[U any, PU interface {
	*U
	UnmarshalJSON([]byte) error
}, T union](in []T) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		if b, err := v.MarshalJSON(); err == nil {
			_ = PU(&out[i]).UnmarshalJSON(b)
		}
	}
	return out
}

// The configurations of the server tools that take one; the tool's type
// is set by its constructor.
type (
	// WebSearchToolConfig configures [WebSearchTool]: engine, mode,
	// result and use limits, domain lists, context size and location.
	WebSearchToolConfig = gen.WebSearchConfig
	// WebFetchToolConfig configures [WebFetchTool]: engine, allowed and
	// blocked domains, use limit and content token cap.
	WebFetchToolConfig = gen.WebFetchServerToolConfig
	// BashToolConfig configures [BashTool]: engine, container
	// environment and idle sleep time.
	BashToolConfig = gen.BashServerToolConfig
	// ImageGenerationToolConfig configures [ImageGenerationTool]: the
	// image model and any image options (its Set method).
	ImageGenerationToolConfig = gen.ImageGenerationServerToolConfig
	// FusionToolConfig configures [FusionTool]: panel and analyst
	// models, tools, reasoning and limits.
	FusionToolConfig = gen.FusionServerToolConfig
	// AdvisorToolConfig configures [AdvisorTool]: the advisor model, its
	// instructions, name and limits.
	AdvisorToolConfig = gen.AdvisorServerToolConfig
	// SubagentToolConfig configures [SubagentTool]: the worker's name,
	// model, instructions, tools and limits.
	SubagentToolConfig = gen.SubagentServerToolConfig
)

// WebSearchTool returns the openrouter:web_search server tool: the model
// searches the web when it decides to, and OpenRouter runs the search.
// config optionally sets the engine, limits and domains (the first one is
// used).
//
//	req.Tools = append(req.Tools, openrouter.WebSearchTool(openrouter.WebSearchToolConfig{
//		Engine:     openrouter.SearchEngineExa,
//		MaxResults: openrouter.Ptr(3),
//	}))
func WebSearchTool(config ...WebSearchToolConfig) Tool {
	var t Tool
	_ = t.FromOpenRouterWebSearchServerTool(gen.OpenRouterWebSearchServerTool{
		Type:       gen.OpenRouterWebSearchServerToolTypeOpenrouterWebSearch,
		Parameters: firstPtr(config),
	})
	return t
}

// WebFetchTool returns the openrouter:web_fetch server tool, with which
// the model reads the full text of a URL (an HTML page or a PDF).
func WebFetchTool(config ...WebFetchToolConfig) Tool {
	var t Tool
	_ = t.FromWebFetchServerTool(gen.WebFetchServerTool{
		Type:       gen.WebFetchServerToolTypeOpenrouterWebFetch,
		Parameters: firstPtr(config),
	})
	return t
}

// DatetimeTool returns the openrouter:datetime server tool, with which the
// model learns the current date and time in timezone, an IANA name such
// as "Europe/Paris"; an empty timezone means UTC.
func DatetimeTool(timezone string) Tool {
	dt := gen.DatetimeServerTool{Type: gen.DatetimeServerToolTypeOpenrouterDatetime}
	if timezone != "" {
		dt.Parameters = &gen.DatetimeServerToolConfig{Timezone: timezone}
	}
	return unionOf((*Tool).FromDatetimeServerTool, dt)
}

// BashTool returns the openrouter:bash server tool, with which the model
// runs shell commands in a sandbox.
func BashTool(config ...BashToolConfig) Tool {
	return unionOf((*Tool).FromBashServerTool, gen.BashServerTool{Type: gen.BashServerToolTypeOpenrouterBash, Parameters: firstPtr(config)})
}

// FilesTool returns the openrouter:files server tool, with which the
// model lists, reads, writes and edits the files of the API key's
// workspace.
func FilesTool() Tool {
	return unionOf((*Tool).FromFilesServerTool, gen.FilesServerTool{Type: gen.FilesServerToolTypeOpenrouterFiles})
}

// ImageGenerationTool returns the openrouter:image_generation server
// tool, with which the model asks an image model for pictures. An image
// option whose value does not marshal makes the request fail to send.
func ImageGenerationTool(config ...ImageGenerationToolConfig) Tool {
	var t Tool
	_ = t.FromImageGenerationServerToolOpenRouter(gen.ImageGenerationServerToolOpenRouter{
		Type:       gen.ImageGenerationServerToolOpenRouterTypeOpenrouterImageGeneration,
		Parameters: firstPtr(config),
	})
	return t
}

// FusionTool returns the openrouter:fusion server tool: a panel of models
// answers the prompt and an analyst model summarizes their answers.
func FusionTool(config ...FusionToolConfig) Tool {
	var t Tool
	_ = t.FromFusionServerToolOpenRouter(gen.FusionServerToolOpenRouter{
		Type:       gen.FusionServerToolOpenRouterTypeOpenrouterFusion,
		Parameters: firstPtr(config),
	})
	return t
}

// AdvisorTool returns the openrouter:advisor server tool, with which the
// model asks another model, config.Model, for guidance.
func AdvisorTool(config AdvisorToolConfig) Tool {
	var t Tool
	_ = t.FromAdvisorServerToolOpenRouter(gen.AdvisorServerToolOpenRouter{
		Type:       gen.AdvisorServerToolOpenRouterTypeOpenrouterAdvisor,
		Parameters: &config,
	})
	return t
}

// SubagentTool returns an openrouter:subagent server tool, with which the
// model hands a self-contained task to a worker model described by
// config.
func SubagentTool(config SubagentToolConfig) Tool {
	var t Tool
	_ = t.FromSubagentServerToolOpenRouter(gen.SubagentServerToolOpenRouter{
		Type:       gen.SubagentServerToolOpenRouterTypeOpenrouterSubagent,
		Parameters: &config,
	})
	return t
}

// SearchModelsTool returns the experimental
// openrouter:experimental__search_models server tool, with which the model
// looks up OpenRouter models; maxResults caps the results (0: the
// default).
func SearchModelsTool(maxResults int) Tool {
	st := gen.ChatSearchModelsServerTool{Type: gen.ChatSearchModelsServerToolTypeOpenrouterExperimentalSearchModels}
	if maxResults > 0 {
		st.Parameters = &gen.SearchModelsServerToolConfig{MaxResults: &maxResults}
	}
	return unionOf((*Tool).FromChatSearchModelsServerTool, st)
}
