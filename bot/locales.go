package bot

import "github.com/bwmarrin/discordgo"

// Members whose Discord is set to Korean or Japanese see the commands in
// their language: Discord shows a command's name_localizations and
// description_localizations for the user's locale, and still sends the
// command under its English name, so nothing else changes.

// localized is a name and a description in one locale.
type localized struct{ name, desc string }

// commandLocales are the Korean and Japanese names and descriptions of
// commands and subcommands, by English name.
var commandLocales = map[string]map[discordgo.Locale]localized{
	cmdAsk:      {discordgo.Korean: {"질문", "한일 분쟁에 대해 질문하고 출처가 있는 인용으로 답을 받습니다"}, discordgo.Japanese: {"質問", "日韓対立について質問し、出典付きの引用で答えを得ます"}},
	cmdSearch:   {discordgo.Korean: {"검색", "자료에서 기사와 노트를 찾습니다"}, discordgo.Japanese: {"検索", "資料から記事とノートを探します"}},
	cmdTopic:    {discordgo.Korean: {"주제", "분쟁의 한 갈래를 날짜순으로, 출처와 함께 봅니다"}, discordgo.Japanese: {"トピック", "対立の一つの流れを日付順に出典付きで見ます"}},
	cmdSource:   {discordgo.Korean: {"출처", "자료의 기사나 노트 하나를 봅니다: 정보, 첫 문단, 링크"}, discordgo.Japanese: {"出典", "資料の記事やノートを一つ表示します：詳細、冒頭、リンク"}},
	cmdAbout:    {discordgo.Korean: {"정보", "이 봇이 다루는 내용과 자료의 규모, 버전"}, discordgo.Japanese: {"概要", "このボットが扱う内容、資料の規模、バージョン"}},
	cmdTimeline: {discordgo.Korean: {"연표", "자료의 날짜가 있는 사건을 날짜순으로, 출처와 함께"}, discordgo.Japanese: {"年表", "資料にある日付のある出来事を日付順に、出典付きで"}},
	cmdCorpus:   {discordgo.Korean: {"자료관리", "관리자: 이 서버의 기사를 추가, 삭제, 확인합니다"}, discordgo.Japanese: {"資料管理", "管理者：このサーバーの記事を追加・削除・確認します"}},
	subAdd:      {discordgo.Korean: {"추가", "링크, 파일 또는 직접 입력으로 기사를 추가합니다"}, discordgo.Japanese: {"追加", "リンク、ファイル、または入力で記事を追加します"}},
	subRemove:   {discordgo.Korean: {"삭제", "이 서버가 추가한 기사 하나를 삭제합니다"}, discordgo.Japanese: {"削除", "このサーバーが追加した記事を一つ削除します"}},
	subList:     {discordgo.Korean: {"목록", "이 서버가 추가한 기사 목록"}, discordgo.Japanese: {"一覧", "このサーバーが追加した記事の一覧"}},
	subGaps:     {discordgo.Korean: {"빈틈", "최근 30일간 이 서버에서 자료가 답하지 못한 질문"}, discordgo.Japanese: {"不足", "過去30日にこのサーバーで資料が答えられなかった質問"}},
	subHistory:  {discordgo.Korean: {"기록", "이 서버 기사의 최근 변경: 누가, 무엇을, 언제"}, discordgo.Japanese: {"履歴", "このサーバーの記事の最近の変更：誰が、何を、いつ"}},
}

// optionLocales are those of options.
var optionLocales = map[string]map[discordgo.Locale]localized{
	optQuestion: {discordgo.Korean: {"질문", "질문 내용, 예: 일본은 언제 수출규제를 강화했나요?"}, discordgo.Japanese: {"質問", "質問の内容、例：日本はいつ輸出管理を強化しましたか？"}},
	optQuery:    {discordgo.Korean: {"검색어", "찾을 말, 예: 화이트리스트, 지소미아"}, discordgo.Japanese: {"検索語", "探す言葉、例：ホワイト国、GSOMIA"}},
	optTopic:    {discordgo.Korean: {"주제", "이 주제의 자료만"}, discordgo.Japanese: {"トピック", "このトピックの資料のみ"}},
	optFrom:     {discordgo.Korean: {"부터", "이 날짜 이후에 발행된 자료만 (YYYY-MM-DD 또는 YYYY)"}, discordgo.Japanese: {"開始日", "この日以降に発行された資料のみ（YYYY-MM-DD または YYYY）"}},
	optTo:       {discordgo.Korean: {"까지", "이 날짜 이전에 발행된 자료만 (YYYY-MM-DD 또는 YYYY)"}, discordgo.Japanese: {"終了日", "この日以前に発行された資料のみ（YYYY-MM-DD または YYYY）"}},
	optOrder:    {discordgo.Korean: {"정렬", "관련성 순(기본) 또는 최신 순"}, discordgo.Japanese: {"並び順", "関連度順（既定）または新しい順"}},
	optName:     {discordgo.Korean: {"갈래", "분쟁의 어느 갈래"}, discordgo.Japanese: {"流れ", "対立のどの流れか"}},
	optArticle:  {discordgo.Korean: {"기사", "제목을 입력하세요"}, discordgo.Japanese: {"記事", "タイトルを入力してください"}},
	optURL:      {discordgo.Korean: {"링크", "기사 링크 (http 또는 https)"}, discordgo.Japanese: {"リンク", "記事のリンク（http または https）"}},
	optFile:     {discordgo.Korean: {"파일", ".txt, .md 또는 .html 파일, 최대 1 MB"}, discordgo.Japanese: {"ファイル", ".txt、.md、.html ファイル、1 MB まで"}},
}

// localize sets the Korean and Japanese names and descriptions of
// commands and, within them, of subcommands and options.
func localize(cmds []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	for _, c := range cmds {
		if l, ok := commandLocales[c.Name]; ok {
			c.NameLocalizations, c.DescriptionLocalizations = localizations(l)
		}
		localizeOptions(c.Options)
	}
	return cmds
}

func localizeOptions(opts []*discordgo.ApplicationCommandOption) {
	for _, o := range opts {
		table := optionLocales
		if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			table = commandLocales
		}
		if l, ok := table[o.Name]; ok {
			names, descs := localizations(l)
			o.NameLocalizations, o.DescriptionLocalizations = *names, *descs
		}
		localizeOptions(o.Options)
	}
}

func localizations(l map[discordgo.Locale]localized) (names, descs *map[discordgo.Locale]string) {
	n, d := map[discordgo.Locale]string{}, map[discordgo.Locale]string{}
	for loc, v := range l {
		n[loc], d[loc] = v.name, v.desc
	}
	return &n, &d
}
