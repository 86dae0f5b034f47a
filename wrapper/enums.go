package openrouter

import "github.com/gopenrouter/openrouter/gen"

// Short names for the enums of the service methods' query parameters.
// The params fields are pointers: set one with [Ptr], as in
//
//	client.Classifications.GetTasks(ctx, &openrouter.TaskClassificationsParams{Window: openrouter.Ptr(openrouter.Window7Days)})
//
// A value the SDK has no constant for yet converts from a string, as in
// openrouter.ModelSort("new-order").

// ClassificationWindow is the time window of [ClassificationsService.GetTasks] (TaskClassificationsParams.Window).
type ClassificationWindow = gen.GetTaskClassificationsWindowParam

// The values of [ClassificationWindow].
const (
	Window7Days ClassificationWindow = gen.GetTaskClassificationsWindowParamN7D // "7d"
)

// ActivityGroupBy is how [AnalyticsService.GetUserActivity] groups its rows (UserActivityParams.GroupBy).
type ActivityGroupBy = gen.GetUserActivityGroupByParam

// The values of [ActivityGroupBy].
const (
	GroupByWorkspace ActivityGroupBy = gen.GetUserActivityGroupByParamWorkspace // "workspace"
)

// ModelSort is the order of [ModelsService.List] (ListModelsParams.Sort).
type ModelSort = gen.GetModelsSortParam

// The values of [ModelSort].
const (
	ModelSortAgenticHighToLow        ModelSort = gen.GetModelsSortParamAgenticHighToLow        // "agentic-high-to-low"
	ModelSortCodingHighToLow         ModelSort = gen.GetModelsSortParamCodingHighToLow         // "coding-high-to-low"
	ModelSortContextHighToLow        ModelSort = gen.GetModelsSortParamContextHighToLow        // "context-high-to-low"
	ModelSortDesignArenaEloHighToLow ModelSort = gen.GetModelsSortParamDesignArenaEloHighToLow // "design-arena-elo-high-to-low"
	ModelSortIntelligenceHighToLow   ModelSort = gen.GetModelsSortParamIntelligenceHighToLow   // "intelligence-high-to-low"
	ModelSortLatencyLowToHigh        ModelSort = gen.GetModelsSortParamLatencyLowToHigh        // "latency-low-to-high"
	ModelSortMostPopular             ModelSort = gen.GetModelsSortParamMostPopular             // "most-popular"
	ModelSortNewest                  ModelSort = gen.GetModelsSortParamNewest                  // "newest"
	ModelSortPricingHighToLow        ModelSort = gen.GetModelsSortParamPricingHighToLow        // "pricing-high-to-low"
	ModelSortPricingLowToHigh        ModelSort = gen.GetModelsSortParamPricingLowToHigh        // "pricing-low-to-high"
	ModelSortThroughputHighToLow     ModelSort = gen.GetModelsSortParamThroughputHighToLow     // "throughput-high-to-low"
	ModelSortTopWeekly               ModelSort = gen.GetModelsSortParamTopWeekly               // "top-weekly"
)

// ModelCategory is the use case [ModelsService.List] filters by (ListModelsParams.Category).
type ModelCategory = gen.GetModelsCategoryParam

// The values of [ModelCategory].
const (
	ModelCategoryAcademia     ModelCategory = gen.GetModelsCategoryParamAcademia     // "academia"
	ModelCategoryFinance      ModelCategory = gen.GetModelsCategoryParamFinance      // "finance"
	ModelCategoryHealth       ModelCategory = gen.GetModelsCategoryParamHealth       // "health"
	ModelCategoryLegal        ModelCategory = gen.GetModelsCategoryParamLegal        // "legal"
	ModelCategoryMarketing    ModelCategory = gen.GetModelsCategoryParamMarketing    // "marketing"
	ModelCategoryMarketingSEO ModelCategory = gen.GetModelsCategoryParamMarketingSeo // "marketing/seo"
	ModelCategoryProgramming  ModelCategory = gen.GetModelsCategoryParamProgramming  // "programming"
	ModelCategoryRoleplay     ModelCategory = gen.GetModelsCategoryParamRoleplay     // "roleplay"
	ModelCategoryScience      ModelCategory = gen.GetModelsCategoryParamScience      // "science"
	ModelCategoryTechnology   ModelCategory = gen.GetModelsCategoryParamTechnology   // "technology"
	ModelCategoryTranslation  ModelCategory = gen.GetModelsCategoryParamTranslation  // "translation"
	ModelCategoryTrivia       ModelCategory = gen.GetModelsCategoryParamTrivia       // "trivia"
)

// ModelRegion is the region [ModelsService.List] filters by (ListModelsParams.Region).
type ModelRegion = gen.GetModelsRegionParam

// The values of [ModelRegion].
const (
	ModelRegionEU ModelRegion = gen.GetModelsRegionParamEu // "eu"
	ModelRegionUS ModelRegion = gen.GetModelsRegionParamUs // "us"
)

// ModelZDR is the zero-data-retention filter of [ModelsService.List] (ListModelsParams.Zdr).
type ModelZDR = gen.GetModelsZdrParam

// The values of [ModelZDR].
const (
	ZDROnly ModelZDR = gen.GetModelsZdrParamTrue // "true"
)

// RankingPeriod is the period of [DatasetsService.GetRankingsDaily] (RankingsDailyParams.Period).
type RankingPeriod = gen.GetRankingsDailyPeriodParam

// The values of [RankingPeriod].
const (
	RankingPeriodDay   RankingPeriod = gen.GetRankingsDailyPeriodParamDay   // "day"
	RankingPeriodMonth RankingPeriod = gen.GetRankingsDailyPeriodParamMonth // "month"
	RankingPeriodWeek  RankingPeriod = gen.GetRankingsDailyPeriodParamWeek  // "week"
)

// RankingModality is the modality [DatasetsService.GetRankingsDaily] filters by (RankingsDailyParams.Modality).
type RankingModality = gen.GetRankingsDailyModalityParam

// The values of [RankingModality].
const (
	RankingModalityAudio       RankingModality = gen.GetRankingsDailyModalityParamAudio       // "audio"
	RankingModalityImage       RankingModality = gen.GetRankingsDailyModalityParamImage       // "image"
	RankingModalityImageOutput RankingModality = gen.GetRankingsDailyModalityParamImageOutput // "image_output"
	RankingModalityText        RankingModality = gen.GetRankingsDailyModalityParamText        // "text"
	RankingModalityToolCalling RankingModality = gen.GetRankingsDailyModalityParamToolCalling // "tool_calling"
)

// RankingContextBucket is the context-length bucket [DatasetsService.GetRankingsDaily] filters by (RankingsDailyParams.ContextBucket).
type RankingContextBucket = gen.GetRankingsDailyContextBucketParam

// The values of [RankingContextBucket].
const (
	RankingContext100K RankingContextBucket = gen.GetRankingsDailyContextBucketParamN100K // "100K"
	RankingContext10K  RankingContextBucket = gen.GetRankingsDailyContextBucketParamN10K  // "10K"
	RankingContext10M  RankingContextBucket = gen.GetRankingsDailyContextBucketParamN10M  // "10M"
	RankingContext1K   RankingContextBucket = gen.GetRankingsDailyContextBucketParamN1K   // "1K"
	RankingContext1M   RankingContextBucket = gen.GetRankingsDailyContextBucketParamN1M   // "1M"
)

// RankingCategory is the use case [DatasetsService.GetRankingsDaily] filters by (RankingsDailyParams.Category).
type RankingCategory = gen.GetRankingsDailyCategoryParam

// The values of [RankingCategory].
const (
	RankingCategoryAcademia     RankingCategory = gen.GetRankingsDailyCategoryParamAcademia     // "academia"
	RankingCategoryFinance      RankingCategory = gen.GetRankingsDailyCategoryParamFinance      // "finance"
	RankingCategoryHealth       RankingCategory = gen.GetRankingsDailyCategoryParamHealth       // "health"
	RankingCategoryLegal        RankingCategory = gen.GetRankingsDailyCategoryParamLegal        // "legal"
	RankingCategoryMarketing    RankingCategory = gen.GetRankingsDailyCategoryParamMarketing    // "marketing"
	RankingCategoryMarketingSEO RankingCategory = gen.GetRankingsDailyCategoryParamMarketingSeo // "marketing/seo"
	RankingCategoryProgramming  RankingCategory = gen.GetRankingsDailyCategoryParamProgramming  // "programming"
	RankingCategoryRoleplay     RankingCategory = gen.GetRankingsDailyCategoryParamRoleplay     // "roleplay"
	RankingCategoryScience      RankingCategory = gen.GetRankingsDailyCategoryParamScience      // "science"
	RankingCategoryTechnology   RankingCategory = gen.GetRankingsDailyCategoryParamTechnology   // "technology"
	RankingCategoryTranslation  RankingCategory = gen.GetRankingsDailyCategoryParamTranslation  // "translation"
	RankingCategoryTrivia       RankingCategory = gen.GetRankingsDailyCategoryParamTrivia       // "trivia"
)

// RankingLanguageType is the kind of language [DatasetsService.GetRankingsDaily] filters by (RankingsDailyParams.LanguageType).
type RankingLanguageType = gen.GetRankingsDailyLanguageTypeParam

// The values of [RankingLanguageType].
const (
	RankingLanguageNatural     RankingLanguageType = gen.GetRankingsDailyLanguageTypeParamNatural     // "natural"
	RankingLanguageProgramming RankingLanguageType = gen.GetRankingsDailyLanguageTypeParamProgramming // "programming"
)

// AppRankingSort is the order of [DatasetsService.GetAppRankings] (AppRankingsParams.Sort).
type AppRankingSort = gen.GetAppRankingsSortParam

// The values of [AppRankingSort].
const (
	AppSortPopular  AppRankingSort = gen.GetAppRankingsSortParamPopular  // "popular"
	AppSortTrending AppRankingSort = gen.GetAppRankingsSortParamTrending // "trending"
)

// AppCategory is the app category [DatasetsService.GetAppRankings] filters by (AppRankingsParams.Category).
type AppCategory = gen.GetAppRankingsCategoryParam

// The values of [AppCategory].
const (
	AppCategoryCoding        AppCategory = gen.GetAppRankingsCategoryParamCoding        // "coding"
	AppCategoryCreative      AppCategory = gen.GetAppRankingsCategoryParamCreative      // "creative"
	AppCategoryEntertainment AppCategory = gen.GetAppRankingsCategoryParamEntertainment // "entertainment"
	AppCategoryProductivity  AppCategory = gen.GetAppRankingsCategoryParamProductivity  // "productivity"
)

// AppSubcategory is the app subcategory [DatasetsService.GetAppRankings] filters by (AppRankingsParams.Subcategory).
type AppSubcategory = gen.GetAppRankingsSubcategoryParam

// The values of [AppSubcategory].
const (
	AppSubcategoryAudioGen         AppSubcategory = gen.GetAppRankingsSubcategoryParamAudioGen         // "audio-gen"
	AppSubcategoryCLIAgent         AppSubcategory = gen.GetAppRankingsSubcategoryParamCliAgent         // "cli-agent"
	AppSubcategoryCloudAgent       AppSubcategory = gen.GetAppRankingsSubcategoryParamCloudAgent       // "cloud-agent"
	AppSubcategoryCreativeWriting  AppSubcategory = gen.GetAppRankingsSubcategoryParamCreativeWriting  // "creative-writing"
	AppSubcategoryGame             AppSubcategory = gen.GetAppRankingsSubcategoryParamGame             // "game"
	AppSubcategoryGeneralChat      AppSubcategory = gen.GetAppRankingsSubcategoryParamGeneralChat      // "general-chat"
	AppSubcategoryIDEExtension     AppSubcategory = gen.GetAppRankingsSubcategoryParamIdeExtension     // "ide-extension"
	AppSubcategoryImageGen         AppSubcategory = gen.GetAppRankingsSubcategoryParamImageGen         // "image-gen"
	AppSubcategoryLegal            AppSubcategory = gen.GetAppRankingsSubcategoryParamLegal            // "legal"
	AppSubcategoryNativeAppBuilder AppSubcategory = gen.GetAppRankingsSubcategoryParamNativeAppBuilder // "native-app-builder"
	AppSubcategoryPersonalAgent    AppSubcategory = gen.GetAppRankingsSubcategoryParamPersonalAgent    // "personal-agent"
	AppSubcategoryProgrammingApp   AppSubcategory = gen.GetAppRankingsSubcategoryParamProgrammingApp   // "programming-app"
	AppSubcategoryRoleplay         AppSubcategory = gen.GetAppRankingsSubcategoryParamRoleplay         // "roleplay"
	AppSubcategoryVideoGen         AppSubcategory = gen.GetAppRankingsSubcategoryParamVideoGen         // "video-gen"
	AppSubcategoryWritingAssistant AppSubcategory = gen.GetAppRankingsSubcategoryParamWritingAssistant // "writing-assistant"
)

// SessionTurnRange is the session length [DatasetsService.GetSessionCost] filters by (SessionCostParams.TurnRange).
type SessionTurnRange = gen.GetSessionCostTurnRangeParam

// The values of [SessionTurnRange].
const (
	Turns10To49 SessionTurnRange = gen.GetSessionCostTurnRangeParamN1049Turns   // "10-49-turns"
	Turns1      SessionTurnRange = gen.GetSessionCostTurnRangeParamN1Turn       // "1-turn"
	Turns2To9   SessionTurnRange = gen.GetSessionCostTurnRangeParamN29Turns     // "2-9-turns"
	Turns50Plus SessionTurnRange = gen.GetSessionCostTurnRangeParamN50PlusTurns // "50-plus-turns"
)

// BenchmarkSource is the source [BenchmarksService.List] filters by (BenchmarksParams.Source).
type BenchmarkSource = gen.GetBenchmarksSourceParam

// The values of [BenchmarkSource].
const (
	BenchmarkSourceArtificialAnalysis BenchmarkSource = gen.GetBenchmarksSourceParamArtificialAnalysis // "artificial-analysis"
	BenchmarkSourceDesignArena        BenchmarkSource = gen.GetBenchmarksSourceParamDesignArena        // "design-arena"
	BenchmarkSourceOpenRouter         BenchmarkSource = gen.GetBenchmarksSourceParamOpenrouter         // "openrouter"
)

// BenchmarkTaskType is the task type [BenchmarksService.List] filters by (BenchmarksParams.TaskType).
type BenchmarkTaskType = gen.GetBenchmarksTaskTypeParam

// The values of [BenchmarkTaskType].
const (
	BenchmarkTaskAgentic      BenchmarkTaskType = gen.GetBenchmarksTaskTypeParamAgentic      // "agentic"
	BenchmarkTaskCoding       BenchmarkTaskType = gen.GetBenchmarksTaskTypeParamCoding       // "coding"
	BenchmarkTaskIntelligence BenchmarkTaskType = gen.GetBenchmarksTaskTypeParamIntelligence // "intelligence"
	BenchmarkTaskSearch       BenchmarkTaskType = gen.GetBenchmarksTaskTypeParamSearch       // "search"
)

// BenchmarkType is the benchmark [BenchmarksService.List] filters by (BenchmarksParams.BenchmarkType).
type BenchmarkType = gen.GetBenchmarksBenchmarkTypeParam

// The values of [BenchmarkType].
const (
	BenchmarkGPQADiamond             BenchmarkType = gen.GetBenchmarksBenchmarkTypeParamGpqaDiamond             // "gpqa_diamond"
	BenchmarkSearchBrowsecomp        BenchmarkType = gen.GetBenchmarksBenchmarkTypeParamSearchBrowsecomp        // "search_browsecomp"
	BenchmarkSearchDSQA              BenchmarkType = gen.GetBenchmarksBenchmarkTypeParamSearchDsqa              // "search_dsqa"
	BenchmarkSearchHLE               BenchmarkType = gen.GetBenchmarksBenchmarkTypeParamSearchHle               // "search_hle"
	BenchmarkSearchWidesearch        BenchmarkType = gen.GetBenchmarksBenchmarkTypeParamSearchWidesearch        // "search_widesearch"
	BenchmarkTauBenchVerifiedAirline BenchmarkType = gen.GetBenchmarksBenchmarkTypeParamTauBenchVerifiedAirline // "tau_bench_verified_airline"
)

// BenchmarkSearchSurface is the search surface [BenchmarksService.List] filters by (BenchmarksParams.SearchSurface).
type BenchmarkSearchSurface = gen.GetBenchmarksSearchSurfaceParam

// The values of [BenchmarkSearchSurface].
const (
	BenchmarkSurfacePlugin     BenchmarkSearchSurface = gen.GetBenchmarksSearchSurfaceParamPlugin     // "plugin"
	BenchmarkSurfaceServerTool BenchmarkSearchSurface = gen.GetBenchmarksSearchSurfaceParamServerTool // "server-tool"
)

// BenchmarkArena is the arena [BenchmarksService.List] filters by (BenchmarksParams.Arena).
type BenchmarkArena = gen.GetBenchmarksArenaParam

// The values of [BenchmarkArena].
const (
	BenchmarkArenaAgents   BenchmarkArena = gen.GetBenchmarksArenaParamAgents   // "agents"
	BenchmarkArenaBuilders BenchmarkArena = gen.GetBenchmarksArenaParamBuilders // "builders"
	BenchmarkArenaModels   BenchmarkArena = gen.GetBenchmarksArenaParamModels   // "models"
)

// CodeChallengeMethod is how [OAuthService.ExchangeAuthCode]'s PKCE
// verifier was turned into the challenge (ExchangeAuthCodeRequest.CodeChallengeMethod).
type CodeChallengeMethod = gen.ExchangeCodeChallengeMethod

// The values of [CodeChallengeMethod].
const (
	CodeChallengeS256  CodeChallengeMethod = gen.ExchangeCodeChallengeMethodS256  // "S256"
	CodeChallengePlain CodeChallengeMethod = gen.ExchangeCodeChallengeMethodPlain // "plain"
)

// DestinationType is the kind of an observability destination
// ([ObservabilityService.Create]).
type DestinationType = gen.ObservabilityDestinationType

// The values of [DestinationType].
const (
	DestinationArize         DestinationType = gen.ObservabilityDestinationTypeArize
	DestinationBraintrust    DestinationType = gen.ObservabilityDestinationTypeBraintrust
	DestinationClickhouse    DestinationType = gen.ObservabilityDestinationTypeClickhouse
	DestinationDatadog       DestinationType = gen.ObservabilityDestinationTypeDatadog
	DestinationGrafana       DestinationType = gen.ObservabilityDestinationTypeGrafana
	DestinationLangfuse      DestinationType = gen.ObservabilityDestinationTypeLangfuse
	DestinationLangsmith     DestinationType = gen.ObservabilityDestinationTypeLangsmith
	DestinationNewRelic      DestinationType = gen.ObservabilityDestinationTypeNewrelic
	DestinationOpik          DestinationType = gen.ObservabilityDestinationTypeOpik
	DestinationOtelCollector DestinationType = gen.ObservabilityDestinationTypeOtelCollector
	DestinationPostHog       DestinationType = gen.ObservabilityDestinationTypePosthog
	DestinationRamp          DestinationType = gen.ObservabilityDestinationTypeRamp
	DestinationS3            DestinationType = gen.ObservabilityDestinationTypeS3
	DestinationSentry        DestinationType = gen.ObservabilityDestinationTypeSentry
	DestinationSnowflake     DestinationType = gen.ObservabilityDestinationTypeSnowflake
	DestinationWeave         DestinationType = gen.ObservabilityDestinationTypeWeave
	DestinationWebhook       DestinationType = gen.ObservabilityDestinationTypeWebhook
)
