#!/usr/bin/env python3
"""Writes the test pages tests/pages/list-<lang>-50/: a news page per language whose 50 reader
comments are a plain list under a heading in the page's language (issue 16). Run again after
changing the data below; the pages are committed."""
import json, sys, os
L = {
 "es": dict(title="El Gobierno aprueba un nuevo tren nocturno entre Madrid y Lisboa",
  paras=["El Consejo de Ministros aprobó el martes la recuperación del tren nocturno entre Madrid y Lisboa, suprimido en 2020 durante la pandemia.",
         "El servicio saldrá cada noche a las 22:00 de la estación de Chamartín y llegará a Lisboa a las 7:30, con coches cama y plazas sentadas.",
         "Según el ministerio, el billete más barato costará 39 euros y la demanda prevista supera los 200.000 viajeros al año.",
         "Las asociaciones de usuarios celebraron la noticia, aunque piden más frecuencias y mejores conexiones con Oporto."],
  heading="Comentarios (50)", notice="Por favor, mantenga un tono respetuoso.", actions=["Responder","Denunciar"],
  dates=["hace 3 horas","hace 45 minutos","ayer a las 14:05","hace 2 días","5 de diciembre de 2026"],
  texts=["Por fin vuelve el tren nocturno, lo usaba cada mes para ir a ver a mi familia.","No entiendo por qué tardaron tanto en recuperar un servicio tan útil.","El precio me parece razonable si los coches cama están limpios.","Ojalá también vuelva la conexión con Oporto, sería un gran avance.","Habrá que ver si cumplen los horarios, el anterior siempre llegaba tarde."],
  names=["Lucía M.","jgarcia","Viajero_77","Ana Belén","Pedro R."], more="Ver más comentarios"),
 "it": dict(title="Il Comune approva la nuova linea del tram fino all'ospedale",
  paras=["Il consiglio comunale ha approvato lunedì sera il progetto della nuova linea del tram che collegherà la stazione centrale all'ospedale.",
         "I lavori inizieranno in primavera e dureranno circa tre anni, con un costo complessivo stimato in 180 milioni di euro.",
         "Secondo l'assessore alla mobilità, la linea trasporterà ogni giorno oltre trentamila passeggeri e ridurrà il traffico in centro.",
         "I commercianti della zona chiedono però garanzie sugli indennizzi durante i cantieri."],
  heading="Commenti (50)", notice="Si prega di rispettare le regole della community.", actions=["Rispondi","Segnala"],
  dates=["3 ore fa","ieri alle 14:05","2 giorni fa","45 minuti fa","5 dicembre 2026"],
  texts=["Finalmente una buona notizia per chi va in ospedale ogni giorno.","Tre anni di cantieri sono tanti, speriamo almeno che rispettino i tempi.","Il tram è il mezzo migliore per una città come la nostra.","Chi pagherà i danni ai negozi durante i lavori?","Ottimo progetto, ma servono anche più parcheggi di scambio."],
  names=["Giulia R.","marco_b","Pendolare88","Franca","L. Esposito"], more="Mostra altri commenti"),
 "pt": dict(title="Câmara aprova nova ciclovia ao longo do rio",
  paras=["A Câmara Municipal aprovou na terça-feira a construção de uma ciclovia de doze quilómetros ao longo da margem do rio.",
         "A obra deverá começar em março e custará cerca de oito milhões de euros, financiados em parte por fundos europeus.",
         "O vereador da mobilidade afirmou que a nova via vai ligar os bairros ribeirinhos ao centro em menos de vinte minutos.",
         "As associações de ciclistas saudaram a decisão, mas pedem mais estacionamento seguro para bicicletas."],
  heading="Comentários (50)", notice="Seja respeitoso com os outros leitores.", actions=["Responder","Denunciar"],
  dates=["há 3 horas","ontem às 14:05","há 2 dias","há 45 minutos","5 de dezembro de 2026"],
  texts=["Excelente notícia, vou passar a ir de bicicleta para o trabalho.","Doze quilómetros é pouco, a cidade precisa de uma rede completa.","Espero que a ciclovia seja separada dos carros, senão é perigoso.","Finalmente a Câmara pensa em quem não anda de carro.","Oito milhões parece muito dinheiro para uma ciclovia."],
  names=["Ana Sousa","joaop","Ciclista_Lx","Maria F.","Rui M."], more="Ver mais comentários"),
 "nl": dict(title="Gemeente legt nieuwe fietsbrug over het kanaal aan",
  paras=["De gemeenteraad heeft dinsdagavond ingestemd met de bouw van een nieuwe fietsbrug over het kanaal bij het station.",
         "De brug wordt 140 meter lang en moet in 2028 klaar zijn; de kosten worden geschat op 24 miljoen euro.",
         "Volgens de wethouder fietsen er straks dagelijks meer dan tienduizend mensen over de brug naar het centrum.",
         "Omwonenden maken zich wel zorgen over de bouwoverlast en de bomen die moeten wijken."],
  heading="Reacties (50)", notice="Houd het netjes en respectvol.", actions=["Beantwoorden","Rapporteren"],
  dates=["3 uur geleden","45 minuten geleden","gisteren om 14:05","2 dagen geleden","5 december 2026"],
  texts=["Eindelijk een veilige route naar het station voor de kinderen.","24 miljoen voor een brug is wel erg veel geld.","Ik fiets elke dag om, dus dit scheelt mij een kwartier.","Jammer van de bomen, maar het is het waard.","Hopelijk wordt de brug niet weer jaren later opgeleverd."],
  names=["Sanne de Vries","pieterb","Fietser_Utrecht","Marloes","J. Bakker"], more="Meer reacties laden"),
 "ja": dict(title="市、駅前に新しい図書館を建設へ",
  paras=["市議会は火曜日、駅前の再開発地区に新しい中央図書館を建設する計画を承認した。延べ床面積は約八千平方メートルになる。",
         "総事業費は約六十億円で、二〇二八年の開館を目指す。学習スペースやカフェ、子ども向けの読書室も設けられる予定だ。",
         "市長は記者会見で「駅から歩いて一分の場所に、誰もが集まれる場をつくりたい」と述べた。",
         "一方、一部の市民からは、現在の図書館の跡地利用について説明が不十分だとの声も上がっている。"],
  heading="コメント（50件）", notice="利用規約を守って投稿してください。", actions=["返信","通報"],
  dates=["3時間前","45分前","昨日 14:05","2日前","2026年12月5日 14:05"],
  texts=["駅前なら通勤帰りにも寄れるので楽しみです。","六十億円は高すぎると思います。今の図書館を改修すれば十分では。","子ども向けの読書室ができるのはうれしいですね。","開館時間を夜遅くまで延ばしてほしいです。","跡地をどうするのか、もっと説明してほしい。"],
  names=["田中","さくら","通勤者A","山本太郎","匿名希望"], more="もっと見る"),
 "ko": dict(title="시, 도심에 새 공공도서관 건립한다",
  paras=["시의회는 화요일 도심 재개발 지역에 새로운 중앙도서관을 짓는 계획을 승인했다. 연면적은 약 팔천 제곱미터에 이른다.",
         "총사업비는 약 육백억 원이며 이천이십팔년 개관을 목표로 한다. 학습 공간과 카페, 어린이 열람실도 들어설 예정이다.",
         "시장은 기자회견에서 역에서 걸어서 일 분 거리에 누구나 모일 수 있는 공간을 만들겠다고 말했다.",
         "반면 일부 시민들은 기존 도서관 부지 활용 방안에 대한 설명이 부족하다고 지적했다."],
  heading="댓글 50개", notice="건전한 댓글 문화를 만들어 주세요.", actions=["답글","신고"],
  dates=["3시간 전","45분 전","어제 14:05","2일 전","2026.12.05 14:05"],
  texts=["역 앞이라 퇴근길에 들르기 좋겠네요.","육백억 원은 너무 비싼 것 같습니다.","어린이 열람실이 생긴다니 반갑습니다.","운영 시간을 밤늦게까지 늘려 주세요.","기존 부지는 어떻게 할 건지 궁금합니다."],
  names=["김민수","책벌레","직장인B","이지은","익명"], more="더보기"),
 "ru": dict(title="Город построит новый мост через реку",
  paras=["Городская дума во вторник одобрила строительство нового автомобильного моста через реку в северной части города.",
         "Длина моста составит 800 метров, а стоимость работ оценивается в двенадцать миллиардов рублей. Открыть движение планируют в 2029 году.",
         "По словам мэра, новый мост разгрузит центр и сократит время в пути для жителей северных районов почти вдвое.",
         "Экологи, однако, опасаются за прибрежный парк, через который пройдёт подъездная дорога."],
  heading="Комментарии (50)", notice="Пожалуйста, соблюдайте правила сообщества.", actions=["Ответить","Пожаловаться"],
  dates=["3 часа назад","45 минут назад","вчера в 14:05","2 дня назад","5 декабря 2026"],
  texts=["Наконец-то, пробки в центре уже невыносимые.","Двенадцать миллиардов — это очень дорого для одного моста.","Жалко парк, можно было провести дорогу в другом месте.","Посмотрим, успеют ли к 2029 году.","Хорошая новость для северных районов."],
  names=["Иван П.","marina_k","Водитель42","Ольга","С. Смирнов"], more="Показать ещё комментарии"),
 "ar": dict(title="البلدية تعلن عن إنشاء حديقة عامة جديدة في وسط المدينة",
  paras=["أعلنت البلدية يوم الثلاثاء عن خطة لإنشاء حديقة عامة جديدة على مساحة عشرين هكتارا في وسط المدينة.",
         "وتبلغ تكلفة المشروع نحو خمسين مليون دولار، ومن المتوقع أن تفتح الحديقة أبوابها للزوار في عام ألفين وثمانية وعشرين.",
         "وقال رئيس البلدية إن الحديقة ستضم مسارات للدراجات وملاعب للأطفال ومساحات خضراء واسعة للعائلات.",
         "في المقابل، طالب بعض السكان بتوضيح مصير المحلات التجارية القريبة من موقع المشروع."],
  heading="التعليقات (50)", notice="يرجى الالتزام بقواعد النشر.", actions=["رد","إبلاغ"],
  dates=["منذ 3 ساعات","منذ 45 دقيقة","أمس 14:05","منذ 2 أيام","2026-12-05 14:05"],
  texts=["خبر رائع، المدينة بحاجة إلى مساحات خضراء أكثر.","خمسون مليون دولار مبلغ كبير جدا لحديقة.","أتمنى أن تكون الحديقة آمنة للأطفال.","ماذا عن المحلات التجارية القريبة من المشروع؟","فكرة جيدة ولكن يجب الاهتمام بالصيانة."],
  names=["أحمد","سارة م.","مواطن_1","خالد","ليلى"], more="عرض المزيد"),
 "fr": dict(title="La mairie lance la rénovation de la piscine municipale",
  paras=["Le conseil municipal a voté mardi soir la rénovation complète de la piscine municipale, fermée depuis l'été dernier.",
         "Les travaux commenceront en janvier et dureront dix-huit mois, pour un coût estimé à 12 millions d'euros.",
         "Selon l'adjoint aux sports, le nouveau bassin sera chauffé par une pompe à chaleur et ouvert toute l'année.",
         "Les clubs de natation saluent la décision mais réclament des créneaux réservés pour les enfants."],
  heading="Commentaires (50)", notice="Merci de respecter la charte de modération.", actions=["Répondre","Signaler"],
  dates=["il y a 3 heures","hier à 14h05","il y a 2 jours","il y a 45 minutes","5 décembre 2026 à 14 h 05"],
  texts=["Enfin ! Mes enfants attendaient la réouverture depuis un an.","Douze millions, c'est cher pour une piscine de cette taille.","Bonne nouvelle pour les clubs, il faudra des créneaux le soir.","Espérons que les travaux seront finis dans les temps.","Le chauffage par pompe à chaleur est une bonne idée."],
  names=["Claire D.","jmartin","Nageur_56","Sophie","P. Leroy"], more="Voir plus de commentaires"),
 "en": dict(title="Council approves new swimming pool for the town centre",
  paras=["The town council on Tuesday approved plans for a new public swimming pool next to the library in the town centre.",
         "Construction will begin in January and take eighteen months, at a cost estimated at twelve million pounds.",
         "The council's sports lead said the pool would be heated by a heat pump and open all year round.",
         "Local swimming clubs welcomed the decision but asked for reserved sessions for children."],
  heading="Comments (50)", notice="Please keep the discussion civil.", actions=["Reply","Report"],
  dates=["3 hours ago","yesterday at 2:05 pm","2 days ago","45 minutes ago","December 5, 2026"],
  texts=["Finally, my kids have been waiting for this for a year.","Twelve million is a lot of money for a pool this size.","Good news for the clubs, they need evening sessions.","Let's hope the works finish on time for once.","Heating it with a heat pump is a sensible idea."],
  names=["Claire D.","jmartin","Swimmer_56","Sophie","P. Leroy"], more="Show more comments"),
}
NOW = "2026-12-05T16:00:00+01:00"
UNDATED = 46  # the 47th comment has no date at all: it stays a comment of the list

def item(d, i):
    name = d["names"][i % 5] + ("" if i < 5 else f" {i}")
    text = d["texts"][i % 5] + f" (#{i+1})"
    date = None if i == UNDATED else d["dates"][i % 5]
    return name, text, date

def page(code, n=50, tag="ul"):
    d = L[code]
    items = []
    for i in range(n):
        name, text, date = item(d, i)
        when = "" if date is None else f" · <span>{date}</span>"
        acts = " ".join(f'<a href="#" class="k">{a}</a>' for a in d["actions"])
        items.append(f'    <li>\n      <div class="kopf"><strong>{name}</strong>{when}</div>\n      <p>{text}</p>\n      {acts}\n    </li>')
    paras = "\n".join(f"    <p>{p}</p>" for p in d["paras"])
    dirattr = ' dir="rtl"' if code == "ar" else ""
    return f"""<!DOCTYPE html>
<html lang="{code}"{dirattr}>
<head><meta charset="utf-8"><title>{d['title']}</title>
<meta property="article:published_time" content="2026-12-05T08:00:00+01:00"></head>
<body>
<header><nav><a href="/">Home</a></nav></header>
<main>
  <article>
    <h1>{d['title']}</h1>
{paras}
  </article>
  <h2>{d['heading']}</h2>
  <p class="hinweis">{d['notice']}</p>
  <{tag} class="liste">
{chr(10).join(items)}
  </{tag}>
  <a href="#">{d['more']}</a>
</main>
<footer><p>© 2026</p></footer>
</body>
</html>
"""

def expected(code, n, tag):
    d = L[code]
    chosen = [0, 1, 2, 3, 4, UNDATED, n - 1]
    items = []
    for i in chosen:
        name, text, date = item(d, i)
        e = {"author": name, "starts": text, "reply_to": None}
        if date is not None:
            e["published"] = EXPECTED[date]
        items.append(e)
    return {
        "source": f"Generated by scripts/comment-list-pages.py (issue 16): a {code} news page whose {n} reader comments are a plain <{tag}> of <li> "
                  f"(a <strong> name, a date span, a paragraph, {' / '.join(d['actions'])} links) under an <h2>{d['heading']}</h2> in the page's language, "
                  "with no comment class, id or ARIA; relative and written dates of the language, resolved against \"now\"; the 47th comment has no date "
                  "and the last one must not be dropped.",
        "now": NOW,
        "article": {"found": True, "must_contain": [d["paras"][0], d["paras"][-1]],
                    "must_not_contain": [d["heading"], d["notice"], d["texts"][0], d["texts"][4], d["more"]]},
        "comments": {"count": n, "items": items,
                     "must_not_be_comments": d["actions"] + [d["more"], d["notice"], d["heading"]]},
    }

EXPECTED = {'hace 3 horas': '2026-12-05T13:00:00+01:00', 'hace 45 minutos': '2026-12-05T15:15:00+01:00', 'ayer a las 14:05': '2026-12-04T14:05:00+01:00', 'hace 2 días': '2026-12-03', '5 de diciembre de 2026': '2026-12-05', '3 ore fa': '2026-12-05T13:00:00+01:00', 'ieri alle 14:05': '2026-12-04T14:05:00+01:00', '2 giorni fa': '2026-12-03', '45 minuti fa': '2026-12-05T15:15:00+01:00', '5 dicembre 2026': '2026-12-05', 'há 3 horas': '2026-12-05T13:00:00+01:00', 'ontem às 14:05': '2026-12-04T14:05:00+01:00', 'há 2 dias': '2026-12-03', 'há 45 minutos': '2026-12-05T15:15:00+01:00', '5 de dezembro de 2026': '2026-12-05', '3 uur geleden': '2026-12-05T13:00:00+01:00', '45 minuten geleden': '2026-12-05T15:15:00+01:00', 'gisteren om 14:05': '2026-12-04T14:05:00+01:00', '2 dagen geleden': '2026-12-03', '5 december 2026': '2026-12-05', '3時間前': '2026-12-05T13:00:00+01:00', '45分前': '2026-12-05T15:15:00+01:00', '昨日 14:05': '2026-12-04T14:05:00+01:00', '2日前': '2026-12-03', '2026年12月5日 14:05': '2026-12-05T14:05:00', '3시간 전': '2026-12-05T13:00:00+01:00', '45분 전': '2026-12-05T15:15:00+01:00', '어제 14:05': '2026-12-04T14:05:00+01:00', '2일 전': '2026-12-03', '2026.12.05 14:05': '2026-12-05T14:05:00', '3 часа назад': '2026-12-05T13:00:00+01:00', '45 минут назад': '2026-12-05T15:15:00+01:00', 'вчера в 14:05': '2026-12-04T14:05:00+01:00', '2 дня назад': '2026-12-03', '5 декабря 2026': '2026-12-05', 'منذ 3 ساعات': '2026-12-05T13:00:00+01:00', 'منذ 45 دقيقة': '2026-12-05T15:15:00+01:00', 'أمس 14:05': '2026-12-04T14:05:00+01:00', 'منذ 2 أيام': '2026-12-03', '2026-12-05 14:05': '2026-12-05T14:05:00', 'il y a 3 heures': '2026-12-05T13:00:00+01:00', 'hier à 14h05': '2026-12-04T14:05:00+01:00', 'il y a 2 jours': '2026-12-03', 'il y a 45 minutes': '2026-12-05T15:15:00+01:00', '5 décembre 2026 à 14 h 05': '2026-12-05T14:05:00', '3 hours ago': '2026-12-05T13:00:00+01:00', 'yesterday at 2:05 pm': '2026-12-04T14:05:00+01:00', '2 days ago': '2026-12-03', '45 minutes ago': '2026-12-05T15:15:00+01:00', 'December 5, 2026': '2026-12-05'}
if __name__ == "__main__":
    import json
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "pages")
    for i, code in enumerate(L):
        tag = "ol" if i % 2 else "ul"
        folder = os.path.join(root, f"list-{code}-50")
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, "page.html"), "w").write(page(code, 50, tag))
        open(os.path.join(folder, "expected.json"), "w").write(json.dumps(expected(code, 50, tag), ensure_ascii=False, indent=1) + "\n")
