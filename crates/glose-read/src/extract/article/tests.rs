//! Article extraction on small pages (the seed page runs through every step in `analyze::tests`).

use super::extract;
use crate::read_html::parse_html;
use crate::report::{BlockKind, Metadata};

fn texts(html: &str, title: Option<&str>) -> Vec<(BlockKind, String)> {
    let page = parse_html(html);
    let meta = Metadata { title: title.map(str::to_owned), ..Default::default() };
    extract(&page, &meta, &[]).blocks.into_iter().map(|b| (b.kind, b.text.text)).collect()
}

const LONG: &str = "Le ministre a présenté, mardi, un projet de loi qui change la façon dont les communes, les départements et les régions financent leurs écoles, leurs routes et leurs hôpitaux.";

#[test]
fn keeps_the_article_and_leaves_navigation_and_sidebars_out() {
    let html = format!(
        r#"<body><nav><a href=/>Accueil</a> <a href=/a>Actualités</a></nav>
        <div class="sidebar"><p>{LONG}</p></div>
        <article><h1>Le grand titre du jour</h1><p>{LONG}</p><p>{LONG}</p>
          <div class="share"><a href=/fb>Partager sur Facebook</a></div>
          <h2>Un intertitre</h2><ul><li>Premier point, assez long pour compter.</li></ul>
          <blockquote><p>Une citation.</p></blockquote><p>{LONG}</p></article>
        <footer>Mentions légales</footer></body>"#
    );
    let blocks = texts(&html, Some("Le grand titre du jour"));
    let all: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
    assert!(!all.iter().any(|t| t.contains("Accueil") || t.contains("Partager") || t.contains("Mentions")), "{all:?}");
    assert!(!all.contains(&"Le grand titre du jour"), "the title heading is not repeated: {all:?}");
    assert_eq!(blocks.iter().filter(|(_, t)| t == LONG).count(), 3, "{all:?}");
    assert!(blocks.contains(&(BlockKind::Heading, "Un intertitre".to_owned())));
    assert!(blocks.contains(&(BlockKind::ListItem, "Premier point, assez long pour compter.".to_owned())));
    assert!(blocks.contains(&(BlockKind::Quote, "Une citation.".to_owned())));
}

#[test]
fn text_with_line_breaks_in_a_div_reads_as_paragraphs() {
    let html = format!("<body><div id=story>{LONG}<br><br>{LONG} Deux.<br>Suite<br><br><b>{LONG}</b></div></body>");
    let blocks = texts(&html, None);
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert_eq!(blocks[1].1, format!("{LONG} Deux. Suite"));
}

#[test]
fn read_also_boxes_and_ads_inside_the_body_are_cut() {
    let html = format!(
        r#"<body><div class=article-body><p>{LONG}</p><div class=box><span>À lire aussi</span><a href=/x>Un autre article</a></div>
        <p>À lire aussi : <a href=/y>Encore un autre</a></p><div>Publicité</div><p>{LONG}</p><p>{LONG}</p></div></body>"#
    );
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert!(!all.iter().any(|t| t.contains("lire aussi") || t.contains("Publicité")), "{all:?}");
    assert_eq!(all.len(), 3, "{all:?}");
}

#[test]
fn excluded_subtrees_never_contribute() {
    let page = parse_html(&format!("<body><div id=main><p>{LONG}</p><p>{LONG}</p><section id=c><p>{LONG} Commentaire.</p></section></div></body>"));
    let section = (0..page.len() as u32).find(|&i| page.attr(i, "id") == Some("c")).unwrap();
    let found = extract(&page, &Metadata::default(), &[section]);
    assert_eq!(found.blocks.len(), 2);
    assert!(found.blocks.iter().all(|b| !b.text.text.contains("Commentaire")));
}

#[test]
fn empty_and_textless_pages_give_no_article() {
    assert!(texts("", None).is_empty());
    assert!(texts("<body><div><img src=x></div></body>", None).is_empty());
}

#[test]
fn news_page_boilerplate_stays_out() {
    let html = format!(
        r#"<body>
        <div class="cookie-banner"><p>Nous utilisons des cookies pour améliorer votre expérience, mesurer l'audience et vous proposer des contenus adaptés.</p><a href=#>Tout accepter</a></div>
        <header><a href=/>Le Journal</a><form><input name=q></form></header>
        <ol class="breadcrumb"><li><a href=/>Accueil</a></li><li><a href=/monde>Monde</a></li></ol>
        <main><article>
          <h1>Le gouvernement présente son budget</h1>
          <div class="social-links"><a href=/fb>Facebook</a><a href=/tw>Twitter</a></div>
          <div class="content">
            <p>{LONG}</p>
            <div class="pub"><span>Publicité</span></div>
            <p>{LONG}</p>
            <aside><h3>À lire aussi</h3><ul><li><a href=/a>Un article voisin</a></li></ul></aside>
            <p>{LONG}</p>
            <div class="newsletter-box"><p>Recevez chaque matin l'essentiel de l'actualité, gratuitement, dans votre boîte mail.</p><input type=email></div>
            <p>{LONG}</p>
          </div>
          <div class="author-bio"><p>Marie Dupont est journaliste au service politique depuis 2010, après avoir couvert l'économie.</p></div>
        </article>
        <section id="comments"><h2>Commentaires</h2><div class="comment"><p>Un lecteur, assez long pour être pris pour un paragraphe, répond, commente, et discute du budget.</p></div></section>
        </main>
        <footer><p>Mentions légales, contact, plan du site, conditions générales d'utilisation.</p></footer></body>"#
    );
    let blocks = texts(&html, Some("Le gouvernement présente son budget"));
    let all: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(all, vec![LONG; 4], "only the article's paragraphs remain");
}

#[test]
fn a_section_opened_by_a_comments_heading_is_cut() {
    let html = format!(
        r#"<body><div class=wrap><div class=texte><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div>
        <div class=reactions-zone><h2>Réactions (3)</h2><p>{LONG} Avis d'un lecteur.</p><p>{LONG} Autre avis.</p></div></div></body>"#
    );
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all.iter().all(|t| t == LONG));
}

#[test]
fn a_layout_wrapper_named_sidebar_that_holds_the_article_is_not_cut() {
    // The page's wrapper says "has-sidebar"; the real sidebar is short. Cutting the wrapper by its
    // class would leave only the sidebar to choose.
    let story = format!("<p>{LONG}</p>").repeat(12);
    let other = "<p>Un autre sujet, dans la colonne, avec un texte assez long pour compter dans le score, et qui se lit comme un paragraphe, vraiment.</p>".repeat(4);
    let html = format!(r#"<body><div class="layout-container has-sidebar"><main><div class=story>{story}</div></main></div><div class=teasers>{other}</div></body>"#);
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert_eq!(all.iter().filter(|t| *t == LONG).count(), 12, "{all:?}");
}

#[test]
fn a_negative_class_word_on_the_block_holding_the_prose_does_not_cut_it() {
    // Drupal's "field--label-hidden" carries Reader View's negative word "hidden".
    let html = format!(
        r#"<body><div class=content><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p><div class="field field--label-hidden"><p>{LONG}</p><p>{LONG}</p>
        <p>{LONG}</p><p>{LONG}</p><div><p>{LONG}</p></div></div><div class=links><a href=/a>Un lien</a></div></div></body>"#
    );
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert_eq!(all.iter().filter(|t| *t == LONG).count(), 8, "{all:?}");
}

#[test]
fn meta_lines_made_of_several_chrome_parts_are_left_out() {
    let html = format!(
        r#"<body><div class=post><p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS</p><p>{LONG}</p>
        <p><a href=/i>Bild anzeigen</a><a href=/c>Bild schließen</a></p><p>{LONG}</p><p>24.01.2022 11:38 Kategorie: News</p>
        <p>Merkblatt vom 14. Oktober 2021 PDF | 38 KB | Datei ist nicht barrierefrei</p><p>{LONG}</p>
        <p>Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials. Kommentare zu diesen Eintrag im RSS 2.0 Feed.</p></div></body>"#
    );
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert_eq!(all, vec![LONG; 3], "{all:?}");
}

#[test]
fn an_article_split_into_pieces_between_ad_rows_is_read_whole() {
    let first = format!("<p>Premier morceau. {LONG}</p><p>Suite du premier morceau, avec assez de mots pour compter.</p>");
    let rest = format!("<p>{LONG}</p>").repeat(6);
    let html = format!(
        r#"<body><main><section class=row><div class=col><div class=story-text>{first}</div></div></section>
        <section class=row><div class=ad>Publicité</div></section>
        <section class=row><div class=col><div class=story-text>{rest}</div></div><div class=rail><a href=/x>Autre</a></div></section>
        <h1>Un autre article</h1><section class=row><div class=col><div class=story-text><p>Autre article. {LONG}</p></div></div></section></main></body>"#
    );
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert!(all.first().is_some_and(|t| t.starts_with("Premier morceau.")), "{all:?}");
    assert_eq!(all.iter().filter(|t| *t == LONG).count(), 6, "{all:?}");
    assert!(!all.iter().any(|t| t.starts_with("Autre article.")), "a new title starts another article: {all:?}");
}

#[test]
fn the_standfirst_between_the_title_and_the_body_leads_the_article() {
    let body = format!("<p>{LONG}</p>").repeat(5);
    let html = format!(
        r#"<body><article><header><div class=title-block><h1>Le grand titre</h1><p class=dek>Le sous-titre du titre, dans le bloc du titre, se lit aussi.</p></div></header>
        <div class=intro><p>Le chapô résume l'article en deux phrases. Il se lit avant le corps du texte.</p></div>
        <figure><img src=a.jpg><figcaption><p>Une légende sous la photo, qui reste hors du texte.</p></figcaption></figure>
        <div class=story-body>{body}</div></article></body>"#
    );
    let all: Vec<String> = texts(&html, Some("Le grand titre")).into_iter().map(|(_, t)| t).collect();
    assert_eq!(all.first().map(String::as_str), Some("Le sous-titre du titre, dans le bloc du titre, se lit aussi."), "{all:?}");
    assert_eq!(all.get(1).map(String::as_str), Some("Le chapô résume l'article en deux phrases. Il se lit avant le corps du texte."), "{all:?}");
    assert!(!all.iter().any(|t| t.contains("légende")), "{all:?}");
    assert_eq!(all.iter().filter(|t| *t == LONG).count(), 5, "{all:?}");
}

#[test]
fn calls_to_action_and_headings_of_cut_lists_do_not_end_the_article() {
    let body = format!("<p>{LONG}</p>").repeat(4);
    let html = format!(
        r#"<body><div class=story>{body}<p>Le réseau a annoncé sur Twitter qu'il suivrait la loi, et son application aussi.</p>
        <p>Follow The Daily on Twitter and Instagram, and send us a message on WhatsApp.</p>
        <h2>Aktuelle News</h2><ul class=related-links><li><a href=/a>Un</a></li><li><a href=/b>Deux</a></li><li><a href=/c>Trois</a></li></ul></div></body>"#
    );
    let all: Vec<String> = texts(&html, None).into_iter().map(|(_, t)| t).collect();
    assert_eq!(all.last().map(String::as_str), Some("Le réseau a annoncé sur Twitter qu'il suivrait la loi, et son application aussi."), "{all:?}");
    assert_eq!(all.len(), 5, "{all:?}");
}
