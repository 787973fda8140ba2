//! Every interface string, in English and Spanish, in one table
//! ([`messages!`] below), and what formats text for a language: counts,
//! dates, reading time, lists of names.
//!
//! Pages are written by the build in the site's language. Each interface
//! string on them carries its message's name (`data-t`, `data-t-label`,
//! `data-t-date`), so the app can rewrite the interface, and only the
//! interface, in the reader's language ([`Marks`]); the story text stays as
//! written. The app carries only the English table ([`Texts::english`]);
//! the build writes the others as JSON files ([`Texts::json`]) that the app
//! fetches when a reader needs one.
//!
//! A locale without a translation for a message cannot be compiled: every
//! line of the table has both texts.

use crate::Markup;
use folio_content::{Kind, Timestamp};
use maud::html;

/// The interface languages Folio is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag (`lang`, file names).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
        }
    }

    /// The locale of a language tag (`es-MX` is Spanish), by its primary
    /// language subtag.
    pub fn of(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim();
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The first of the reader's languages (in their order of preference,
    /// as `navigator.languages`) that Folio is written in.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<Locale> {
        preferred.into_iter().find_map(Locale::of)
    }

    /// The table of this language, compiled in. The app does not call it
    /// (it would carry every language): it has [`Texts::english`] and
    /// fetches the others as [`Texts::json`].
    pub fn builtin(self) -> Texts {
        Texts {
            locale: self,
            table: Table::Static(match self {
                Locale::En => ENGLISH,
                Locale::Es => SPANISH,
            }),
        }
    }
}

macro_rules! messages {
    ($($name:ident: $en:literal, $es:literal;)*) => {
        /// One interface string; its text comes from [`Texts`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// Every message, in table order.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// Its name, as pages mark the text (`data-t`) and language
            /// files key it.
            pub fn name(self) -> &'static str {
                NAMES[self as usize]
            }

            /// The message of a name.
            pub fn from_name(name: &str) -> Option<Msg> {
                NAMES.iter().position(|n| *n == name).map(|i| Msg::ALL[i])
            }
        }

        const NAMES: &[&str] = &[$(stringify!($name)),*];
        const ENGLISH: &[&str] = &[$($en),*];
        const SPANISH: &[&str] = &[$($es),*];
    };
}

// `{0}`, `{1}`: filled by [`Texts::fill`]. Counts have a `…One` and an
// `…Other` form ([`Texts::count`]); both languages here use "one" for 1
// only.
messages! {
    // The frame.
    SkipToContent: "Skip to content", "Saltar al contenido";
    YourLibraryNav: "Your library", "Tu biblioteca";
    Library: "Library", "Biblioteca";
    Search: "Search", "Buscar";
    Sections: "Sections", "Secciones";
    MoreFrom: "More from {0}", "Más de {0}";
    // Kinds of story.
    KindAnalysis: "Analysis", "Análisis";
    KindNews: "News", "Noticias";
    KindOpinion: "Opinion", "Opinión";
    KindFeature: "Feature", "Reportaje";
    KindBrief: "Brief", "Breve";
    // Bylines and dates.
    By: "By ", "Por ";
    And: " and ", " y ";
    Updated: "Updated ", "Actualizado el ";
    MinRead: "{0} min read", "{0} min de lectura";
    DateLong: "{0} {1} {2}", "{0} de {1} de {2}";
    DateTimeLong: "{0}, {1} UTC", "{0}, {1} UTC";
    January: "January", "enero";
    February: "February", "febrero";
    March: "March", "marzo";
    April: "April", "abril";
    May: "May", "mayo";
    June: "June", "junio";
    July: "July", "julio";
    August: "August", "agosto";
    September: "September", "septiembre";
    October: "October", "octubre";
    November: "November", "noviembre";
    December: "December", "diciembre";
    // The article.
    ReadingProgress: "Reading progress", "Progreso de lectura";
    Listen: "Listen", "Escuchar";
    Pause: "Pause", "Pausa";
    Resume: "Resume", "Reanudar";
    Stop: "Stop", "Detener";
    Speed: "Speed ", "Velocidad ";
    Tags: "Tags", "Etiquetas";
    MoreIn: "More in {0}", "Más en {0}";
    PreviousStory: "Previous story", "Noticia anterior";
    NextStory: "Next story", "Noticia siguiente";
    ThisArticleWasUpdated: "This article has been updated since you saved it; you are reading the latest version.", "Este artículo se ha actualizado desde que lo guardaste; estás leyendo la última versión.";
    // Saving.
    Save: "Save", "Guardar";
    Remove: "Remove", "Quitar";
    SaveForLater: "Save for later", "Guardar para después";
    RemoveFromSaved: "Remove from saved", "Quitar de guardados";
    SaveTitle: "Save “{0}” for later", "Guardar «{0}» para después";
    RemoveTitle: "Remove “{0}” from saved", "Quitar «{0}» de guardados";
    SavedNotice: "Saved: it stays on this device until you remove it.", "Guardado: se queda en este dispositivo hasta que lo quites.";
    RemovedNotice: "Removed from your saved articles; it stays in your history for now.", "Quitado de tus artículos guardados; de momento sigue en tu historial.";
    SaveFailed: "This article could not be saved.", "No se pudo guardar este artículo.";
    RemoveFailed: "This article could not be removed from your saved articles.", "No se pudo quitar este artículo de tus guardados.";
    // Cards and listings.
    Briefs: "Briefs", "Breves";
    KeepReading: "Keep reading", "Seguir leyendo";
    ShowLess: "Show less", "Mostrar menos";
    TopStory: "Top story", "Noticia principal";
    Latest: "Latest", "Lo último";
    LatestStories: "Latest stories", "Últimas noticias";
    ContinueReading: "Continue reading", "Seguir leyendo";
    PercentRead: "{0}% read", "{0} % leído";
    Read: "Read", "Leído";
    DismissContinueReading: "Dismiss “Continue reading”", "Cerrar «Seguir leyendo»";
    EveryStory: "Every story, newest first.", "Todas las noticias, de la más reciente a la más antigua.";
    EveryKind: "Every piece of this kind, newest first.", "Todas las piezas de este tipo, de la más reciente a la más antigua.";
    KindAnalysisPlural: "Analysis", "Análisis";
    KindNewsPlural: "News", "Noticias";
    KindOpinionPlural: "Opinion", "Opinión";
    KindFeaturePlural: "Features", "Reportajes";
    KindBriefPlural: "Briefs", "Breves";
    PageNumbered: "{0}, page {1}", "{0}, página {1}";
    NewerStories: "Newer stories", "Noticias más recientes";
    TaggedTitle: "Articles tagged “{0}”", "Artículos con la etiqueta «{0}»";
    TaggedDescription: "Every article tagged “{0}”, newest first.", "Todos los artículos con la etiqueta «{0}», del más reciente al más antiguo.";
    ByTitle: "Articles by {0}", "Artículos de {0}";
    ByDescription: "Every article by {0}, newest first.", "Todos los artículos de {0}, del más reciente al más antiguo.";
    MoreStories: "More stories", "Más noticias";
    Loading: "Loading…", "Cargando…";
    StoriesOne: "{0} story", "{0} noticia";
    StoriesOther: "{0} stories", "{0} noticias";
    StoriesOf: "Stories of ", "Noticias del ";
    StoriesFrom: "Stories from ", "Noticias del ";
    StoriesTo: " to ", " al ";
    Stories: "Stories", "Noticias";
    SaveForOffline: "Save for offline", "Guardar para leer sin conexión";
    SaveSectionForOffline: "Save {0} for offline", "Guardar {0} para leer sin conexión";
    StopSaving: "Stop saving", "Dejar de guardar";
    SavingStopped: "Saving stopped.", "Se dejó de guardar.";
    SavingStoppedCount: "Saving stopped: {0} of {1} saved.", "Se dejó de guardar: {0} de {1} guardados.";
    SavedCount: "Saved {0}.", "Guardados: {0}.";
    SavedCountOf: "Saved {0} of {1}.", "Guardados {0} de {1}.";
    SavingCount: "Saving {0} of {1}…", "Guardando {0} de {1}…";
    ArticlesOne: "{0} article", "{0} artículo";
    ArticlesOther: "{0} articles", "{0} artículos";
    FreeUpSpace: "Free up space", "Liberar espacio";
    // The rail.
    Related: "Related", "Relacionados";
    FollowUs: "Follow us", "Síguenos";
    // Sharing.
    Share: "Share", "Compartir";
    MoreWaysToShare: "More ways to share", "Más formas de compartir";
    CopyLink: "Copy link", "Copiar enlace";
    LinkCopied: "Link copied", "Enlace copiado";
    CopyByHand: "Copying was not allowed here. Select the link and copy it:", "Aquí no se permitió copiar. Selecciona el enlace y cópialo:";
    ShareByEmail: "Email", "Correo";
    ShareOnMastodon: "Share on Mastodon", "Compartir en Mastodon";
    YourMastodonServer: "Your Mastodon server", "Tu servidor de Mastodon";
    NotAServer: "That does not look like a server name, such as mastodon.social.", "Eso no parece el nombre de un servidor, como mastodon.social.";
    MastodonSharesGoTo: "Mastodon shares go to ", "Lo que compartes en Mastodon va a ";
    ChangeServer: "Change server", "Cambiar de servidor";
    // Display settings.
    DisplaySettings: "Display settings", "Ajustes de lectura";
    Theme: "Theme", "Tema";
    ThemeSystem: "Match the system", "Como el sistema";
    ThemeLight: "Light", "Claro";
    ThemeDark: "Dark", "Oscuro";
    ThemeSepia: "Sepia", "Sepia";
    TextSize: "Text size", "Tamaño del texto";
    SizeMedium: "Medium", "Mediano";
    SizeSmall: "Small", "Pequeño";
    SizeLarge: "Large", "Grande";
    SizeLarger: "Larger", "Más grande";
    SizeLargest: "Largest", "El más grande";
    LineSpacing: "Line spacing", "Interlineado";
    Normal: "Normal", "Normal";
    Tight: "Tight", "Estrecho";
    Loose: "Loose", "Amplio";
    ColumnWidth: "Column width", "Ancho de columna";
    Narrow: "Narrow", "Estrecha";
    Wide: "Wide", "Ancha";
    Font: "Font", "Letra";
    FontSerif: "Serif", "Con serifa";
    FontSans: "Sans serif", "Sin serifa";
    FontLegible: "Atkinson Hyperlegible (designed for low vision)", "Atkinson Hyperlegible (pensada para baja visión)";
    Language: "Language", "Idioma";
    LanguageAutomatic: "Automatic (from your browser)", "Automático (según tu navegador)";
    LanguageEnglish: "English", "English";
    LanguageSpanish: "Español", "Español";
    ResetToDefaults: "Reset to defaults", "Restablecer";
    // Keyboard shortcuts.
    KeyboardShortcuts: "Keyboard shortcuts", "Atajos de teclado";
    KeyNext: "Next story in the section", "Noticia siguiente de la sección";
    KeyPrevious: "Previous story in the section", "Noticia anterior de la sección";
    KeySave: "Save the article, or remove it from saved", "Guardar el artículo, o quitarlo de guardados";
    KeyListen: "Read the article aloud, or pause", "Leer el artículo en voz alta, o pausar";
    KeyTheme: "Next theme (system, light, dark, sepia)", "Tema siguiente (sistema, claro, oscuro, sepia)";
    KeyLarger: "Larger text", "Texto más grande";
    KeySmaller: "Smaller text", "Texto más pequeño";
    KeyHelp: "This list of shortcuts", "Esta lista de atajos";
    ShortcutsNote: "Shortcuts work anywhere except while you type in a field. Escape closes this list.", "Los atajos funcionan en cualquier parte salvo mientras escribes en un campo. Escape cierra esta lista.";
    Close: "Close", "Cerrar";
    Dismiss: "Dismiss", "Cerrar";
    // Search.
    SearchStories: "Search stories", "Buscar noticias";
    SearchPlaceholder: "Headline, topic, tag or author", "Titular, tema, etiqueta o autor";
    SearchDescription: "Searches every story on the site by headline, standfirst, tag and author, and the full text of the articles saved on this device, which works without a connection too.", "Busca en todas las noticias del sitio por titular, entradilla, etiqueta y autor, y en el texto completo de los artículos guardados en este dispositivo, lo que también funciona sin conexión.";
    SearchMeta: "Search every story on the site; offline, the articles saved on this device.", "Busca en todas las noticias del sitio; sin conexión, en los artículos guardados en este dispositivo.";
    OnTheSite: "On the site", "En el sitio";
    InYourLibrary: "In your library", "En tu biblioteca";
    StoriesFor: "{0} for “{1}”", "{0} para «{1}»";
    SavedToSearch: "{0} to search, by their full text.", "{0} donde buscar, por su texto completo.";
    SavedArticlesOne: "{0} saved article", "{0} artículo guardado";
    SavedArticlesOther: "{0} saved articles", "{0} artículos guardados";
    MoreSavedArticlesOne: "{0} more saved article", "{0} artículo guardado más";
    MoreSavedArticlesOther: "{0} more saved articles", "{0} artículos guardados más";
    SearchYourLibrary: "Search your library", "Buscar en tu biblioteca";
    Saved: "Saved", "Guardado";
    SiteSearchFailed: "The site could not be searched. {0} Your saved articles are searched below.", "No se pudo buscar en el sitio. {0} Abajo se busca en tus artículos guardados.";
    SearchOffline: "You are offline: searching the articles saved on this device.", "Estás sin conexión: se busca en los artículos guardados en este dispositivo.";
    Searching: "Searching…", "Buscando…";
    OpeningYourLibrary: "Opening your library…", "Abriendo tu biblioteca…";
    // The library.
    YourLibrary: "Your library", "Tu biblioteca";
    YourOfflineLibrary: "Your offline library", "Tu biblioteca sin conexión";
    LibraryMeta: "Articles saved on this device for reading without a connection.", "Artículos guardados en este dispositivo para leer sin conexión.";
    LibraryDescription: "What you saved, and the articles you opened, kept on this device so you can read them without a connection.", "Lo que guardaste y los artículos que abriste, en este dispositivo para que los leas sin conexión.";
    LibraryUnavailable: "Offline library unavailable", "Biblioteca sin conexión no disponible";
    TechnicalDetails: "Technical details", "Detalles técnicos";
    LibrarySummary: "Library summary", "Resumen de la biblioteca";
    OnThisDevice: "{0} on this device ({1} saved, {2} in history) · {3}", "{0} en este dispositivo ({1} guardados, {2} en el historial) · {3}";
    DamagedOne: "1 saved article is damaged and cannot be read. Open it again while online to replace it, or remove it.", "1 artículo guardado está dañado y no se puede leer. Ábrelo de nuevo con conexión para sustituirlo, o quítalo.";
    DamagedOther: "{0} saved articles are damaged and cannot be read. Open them again while online to replace them, or remove them.", "{0} artículos guardados están dañados y no se pueden leer. Ábrelos de nuevo con conexión para sustituirlos, o quítalos.";
    Damaged: "Damaged: ", "Dañado: ";
    DamagedCopy: "this saved copy cannot be read. ", "esta copia guardada no se puede leer. ";
    LibraryEmpty: "Nothing here yet. Articles you open are kept in your history; press Save on an article, or save a whole section from its page, to keep it until you remove it.", "Aún no hay nada. Los artículos que abres se quedan en tu historial; pulsa Guardar en un artículo, o guarda una sección entera desde su página, para conservarlo hasta que lo quites.";
    SavedShelf: "Saved ({0})", "Guardados ({0})";
    SavedShelfNote: "Kept on this device until you remove them.", "Se quedan en este dispositivo hasta que los quites.";
    NothingSaved: "Nothing saved yet: press Save on an article or a card.", "Aún no has guardado nada: pulsa Guardar en un artículo o una tarjeta.";
    HistoryShelf: "History ({0})", "Historial ({0})";
    HistoryShelfNote: "Articles you opened, kept for reading offline: the latest {0}, older ones make room.", "Artículos que abriste, guardados para leer sin conexión: los últimos {0}; los más antiguos dejan sitio.";
    NoHistory: "No history yet.", "Aún no hay historial.";
    SavedOn: " · saved ", " · guardado el ";
    OpenedOn: " · opened ", " · abierto el ";
    MoveToHistory: "Move to history", "Pasar al historial";
    MoveTitleToHistory: "Move “{0}” to history", "Pasar «{0}» al historial";
    RemoveTitleFromLibrary: "Remove “{0}” from the library", "Quitar «{0}» de la biblioteca";
    RemoveAll: "Remove all", "Quitar todo";
    RemoveAllConfirm: "Remove every saved article from this device?", "¿Quitar todos los artículos guardados de este dispositivo?";
    RemoveAllYes: "Yes, remove all", "Sí, quitar todo";
    Cancel: "Cancel", "Cancelar";
    StorageOnThisDevice: "Storage on this device", "Espacio en este dispositivo";
    StorageUsage: "Folio is using {0} of the {1} this browser allows it.", "Folio usa {0} de los {1} que este navegador le permite.";
    StorageUnknown: "This browser does not report how much storage is available.", "Este navegador no indica cuánto espacio hay disponible.";
    StoragePersistent: "Your library is stored persistently: the browser will not clear it to free space without asking you.", "Tu biblioteca se guarda de forma persistente: el navegador no la borrará para liberar espacio sin preguntarte.";
    StorageDeclined: "The browser declined to make storage persistent for now. Browsers decide this themselves, often based on how much you use a site; try again later or install Folio to your home screen.", "El navegador no ha hecho persistente el almacenamiento por ahora. Los navegadores lo deciden por su cuenta, a menudo según cuánto usas un sitio; inténtalo más tarde o instala Folio en tu pantalla de inicio.";
    StorageBestEffort: "Your library is stored on a best-effort basis.", "Tu biblioteca se guarda sin garantías de permanencia.";
    StorageCannotPersist: "This browser cannot make storage persistent.", "Este navegador no puede hacer persistente el almacenamiento.";
    AskToKeepLibrary: "Ask the browser to keep my library", "Pedir al navegador que conserve mi biblioteca";
    StorageNote: "Browsers may delete saved data when the device runs low on space, when you clear browsing data, or (in Safari) after several weeks without visiting. Private windows keep nothing after they close. Articles you save again will simply download afresh.", "Los navegadores pueden borrar los datos guardados cuando el dispositivo se queda sin espacio, cuando borras los datos de navegación o (en Safari) tras varias semanas sin visitar el sitio. Las ventanas privadas no conservan nada al cerrarse. Los artículos que vuelvas a guardar se descargarán de nuevo.";
    CheckingStorage: "Checking storage…", "Comprobando el espacio…";
    // States and notices.
    PageNotFound: "Page not found", "Página no encontrada";
    BackToFront: "Back to the front page", "Volver a la portada";
    PageNotFoundText: "This story may have moved, or the link may be mistyped.", "Puede que esta noticia se haya movido o que el enlace esté mal escrito.";
    NeedsJavaScript: "This page needs JavaScript: it shows what is stored in your browser.", "Esta página necesita JavaScript: muestra lo que está guardado en tu navegador.";
    NotAvailableOffline: "Not available offline", "No disponible sin conexión";
    SomethingWentWrong: "Something went wrong", "Algo ha fallado";
    OfflineNotSaved: "You are offline and this page has not been saved on this device.", "Estás sin conexión y esta página no está guardada en este dispositivo.";
    OpenOfflineLibrary: "Open your offline library", "Abrir tu biblioteca sin conexión";
    TryAgain: "Try again", "Reintentar";
    PageUnavailable: "Page unavailable", "Página no disponible";
    YouAreOffline: "You are offline. Saved articles are still available in ", "Estás sin conexión. Tus artículos guardados siguen disponibles en ";
    ReloadToUpdate: "Reload to update", "Recargar para actualizar";
    Reload: "Reload", "Recargar";
    PanicText: "Folio ran into an unexpected problem. This page still reads and its links work, and your offline library is safe. Reload to get everything back.", "Folio ha tenido un problema inesperado. Esta página se sigue leyendo y sus enlaces funcionan, y tu biblioteca sin conexión está a salvo. Recarga para recuperarlo todo.";
    ErrorNetwork: "We couldn't reach Folio. Check your connection and try again.", "No hemos podido conectar con Folio. Comprueba tu conexión e inténtalo de nuevo.";
    ErrorNotFound: "We couldn't find this page.", "No hemos encontrado esta página.";
    ErrorServer: "The server had a problem (error {0}). Please try again in a moment.", "El servidor ha tenido un problema (error {0}). Inténtalo de nuevo en un momento.";
    ErrorAborted: "Loading was cancelled.", "Se canceló la carga.";
    ErrorNotSavedOffline: "This story is not available offline: you have not opened it on this device yet. Connect to the internet to read it.", "Esta noticia no está disponible sin conexión: aún no la has abierto en este dispositivo. Conéctate a internet para leerla.";
    StoreUnavailable: "Offline reading is unavailable in this browser window (private browsing or blocked storage). Folio works normally while you are online.", "La lectura sin conexión no está disponible en esta ventana del navegador (navegación privada o almacenamiento bloqueado). Folio funciona con normalidad mientras tengas conexión.";
    StoreBlocked: "Your offline library is waiting for another Folio tab that runs an older version. Close other Folio tabs to continue.", "Tu biblioteca sin conexión espera a otra pestaña de Folio con una versión anterior. Cierra las demás pestañas de Folio para continuar.";
    StoreFull: "Your device has no room left for saved articles. Remove some from your offline library to save more.", "Tu dispositivo no tiene más espacio para artículos guardados. Quita algunos de tu biblioteca sin conexión para guardar más.";
    StoreDamaged: "The saved copy of this article is damaged and cannot be read. Open it again while online to replace it, or remove it from your library.", "La copia guardada de este artículo está dañada y no se puede leer. Ábrelo de nuevo con conexión para sustituirla, o quítalo de tu biblioteca.";
    StoreNeedsNewerApp: "This saved article was written by a newer version of Folio. Reload to update the app.", "Este artículo guardado lo escribió una versión más reciente de Folio. Recarga para actualizar la aplicación.";
    StoreFailed: "Your offline library had a problem. Articles still open online.", "Tu biblioteca sin conexión ha tenido un problema. Los artículos se siguen abriendo con conexión.";
    StoreOutdated: "A newer version of Folio is open in another tab. Reload this tab to keep saving articles.", "Hay una versión más reciente de Folio abierta en otra pestaña. Recarga esta pestaña para seguir guardando artículos.";
    YourLibraryInline: "your library", "tu biblioteca";
    NewVersionReady: "A new version of Folio is ready. ", "Hay una nueva versión de Folio. ";
    UpdatedOne: "1 saved article was updated with the latest version.", "1 artículo guardado se ha actualizado a su última versión.";
    UpdatedOther: "{0} saved articles were updated with their latest versions.", "{0} artículos guardados se han actualizado a su última versión.";
    NotSavedForOffline: "This article could not be saved for offline reading.", "No se pudo guardar este artículo para leerlo sin conexión.";
    ContentDamaged: "This file could not be read: it is damaged or incomplete.", "No se pudo leer este archivo: está dañado o incompleto.";
    ContentNeedsNewerApp: "This file needs a newer version of the app. Reload to update.", "Este archivo necesita una versión más reciente de la aplicación. Recarga para actualizar.";
    InYourLibraryLink: "They are in your library.", "Están en tu biblioteca.";
    CouldNotBeSaved: "{0} could not be saved:", "{0} no se pudieron guardar:";
    SavedOffline: "Saved offline", "Guardado sin conexión";
    AvailableSaved: "Available offline: saved on {0}, kept until you remove it", "Disponible sin conexión: guardado el {0}, se conserva hasta que lo quites";
    AvailableHistory: "Available offline: in your history since {0}", "Disponible sin conexión: en tu historial desde el {0}";
}

impl Msg {
    /// The heading of a kind's listing.
    pub fn kind_plural(kind: Kind) -> Msg {
        match kind {
            Kind::Analysis => Msg::KindAnalysisPlural,
            Kind::News => Msg::KindNewsPlural,
            Kind::Opinion => Msg::KindOpinionPlural,
            Kind::Feature => Msg::KindFeaturePlural,
            Kind::Brief => Msg::KindBriefPlural,
        }
    }

    /// The label of a kind of story.
    pub fn kind(kind: Kind) -> Msg {
        match kind {
            Kind::Analysis => Msg::KindAnalysis,
            Kind::News => Msg::KindNews,
            Kind::Opinion => Msg::KindOpinion,
            Kind::Feature => Msg::KindFeature,
            Kind::Brief => Msg::KindBrief,
        }
    }
}

/// The texts of one language: compiled in, or read from a language file.
#[derive(Clone, Debug)]
pub struct Texts {
    locale: Locale,
    table: Table,
}

#[derive(Clone, Debug)]
enum Table {
    Static(&'static [&'static str]),
    /// From a language file, in [`Msg::ALL`] order; `None` where the file
    /// had no text (a file older than the app: English shows).
    Read(Vec<Option<String>>),
}

/// The messages marking a month, January first.
const MONTHS: [Msg; 12] = [
    Msg::January,
    Msg::February,
    Msg::March,
    Msg::April,
    Msg::May,
    Msg::June,
    Msg::July,
    Msg::August,
    Msg::September,
    Msg::October,
    Msg::November,
    Msg::December,
];

impl Texts {
    /// English, the language the app carries.
    pub fn english() -> Texts {
        Texts {
            locale: Locale::En,
            table: Table::Static(ENGLISH),
        }
    }

    /// The compiled-in texts of a site's language (a BCP 47 tag), English
    /// for a language Folio is not written in.
    pub fn of_language(tag: &str) -> Texts {
        Locale::of(tag).unwrap_or(Locale::En).builtin()
    }

    /// A language file's texts (`name` → text, as [`Texts::json`] writes
    /// them); `text_of` looks a name up.
    pub fn read(locale: Locale, text_of: impl Fn(&str) -> Option<String>) -> Texts {
        Texts {
            locale,
            table: Table::Read(Msg::ALL.iter().map(|m| text_of(m.name())).collect()),
        }
    }

    /// The language file of these texts: a JSON object from each message's
    /// name to its text.
    pub fn json(&self) -> String {
        let mut out = String::from("{");
        for (i, m) in Msg::ALL.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&json_string(m.name()));
            out.push(':');
            out.push_str(&json_string(self.get(*m)));
        }
        out.push('}');
        out
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text of a message.
    pub fn get(&self, m: Msg) -> &str {
        let i = m as usize;
        match &self.table {
            Table::Static(t) => t[i],
            Table::Read(t) => t[i].as_deref().unwrap_or(ENGLISH[i]),
        }
    }

    /// A message with `{0}`, `{1}`… replaced by `args`.
    pub fn fill(&self, m: Msg, args: &[&str]) -> String {
        fill(self.get(m), args)
    }

    /// A whole number as the language writes it: "12,500" in English,
    /// "12.500" in Spanish, which groups only from five digits on.
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let (separator, min_digits) = match self.locale {
            Locale::En => (',', 4),
            Locale::Es => ('.', 5),
        };
        if digits.len() < min_digits {
            return digits;
        }
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// "1 article", "12 articles": `one` for 1, `other` for the rest.
    pub fn count(&self, n: u64, one: Msg, other: Msg) -> String {
        self.fill(if n == 1 { one } else { other }, &[&self.number(n)])
    }

    /// "4 min read".
    pub fn minutes(&self, minutes: u32) -> String {
        self.fill(Msg::MinRead, &[&self.number(minutes.into())])
    }

    /// "3 November 2026", "3 de noviembre de 2026": the date in UTC.
    pub fn long_date(&self, t: &Timestamp) -> String {
        match t.civil_utc() {
            Some(c) => self.fill(
                Msg::DateLong,
                &[
                    &c.day.to_string(),
                    self.get(MONTHS[usize::from(c.month.clamp(1, 12)) - 1]),
                    &c.year.to_string(),
                ],
            ),
            None => t.date_utc(),
        }
    }

    /// "3 November 2026, 09:30 UTC".
    pub fn long_date_time(&self, t: &Timestamp) -> String {
        match t.civil_utc() {
            Some(c) => self.fill(
                Msg::DateTimeLong,
                &[
                    &self.long_date(t),
                    &format!("{:02}:{:02}", c.hour, c.minute),
                ],
            ),
            None => t.date_utc(),
        }
    }

    /// "A", "A and B", "A, B and C" (blank names left out).
    pub fn join_names(&self, names: &[String]) -> String {
        names_in_a_row(names)
            .into_iter()
            .flat_map(|(name, after)| [name, self.after_name(after)])
            .collect()
    }

    /// What follows a name in a row.
    pub fn after_name(&self, after: AfterName) -> &str {
        match after {
            AfterName::Nothing => "",
            AfterName::And => self.get(Msg::And),
            AfterName::Comma => ", ",
        }
    }

    // Marked text, for pages the app may rewrite in another language.

    /// A message's text, marked with its name.
    pub fn t(&self, m: Msg) -> Markup {
        html! { span data-t=(m.name()) { (self.get(m)) } }
    }

    /// A message filled with `args`, marked with its name and arguments.
    pub fn t_args(&self, m: Msg, args: &[&str]) -> Markup {
        html! { span data-t=(m.name()) data-t-args=(args.join(ARG_SEPARATOR)) { (self.fill(m, args)) } }
    }

    /// The reading time, marked.
    pub fn t_minutes(&self, minutes: u32) -> Markup {
        self.t_args(Msg::MinRead, &[&self.number(minutes.into())])
    }

    /// A date as `<time>`, marked so the app can write it in another
    /// language.
    pub fn time(&self, t: &Timestamp, with_time: bool) -> Markup {
        let (text, style) = if with_time {
            (self.long_date_time(t), "datetime")
        } else {
            (self.long_date(t), "date")
        };
        html! { time datetime=(t.as_str()) data-t-date=(style) { (text) } }
    }
}

/// What follows a name in a row of names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterName {
    Nothing,
    And,
    Comma,
}

/// The names to read out, each with what follows it: "A", "A and B",
/// "A, B and C" (blank names left out).
pub fn names_in_a_row(names: &[String]) -> Vec<(&str, AfterName)> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let count = names.len();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let after = match count - i {
                1 => AfterName::Nothing,
                2 => AfterName::And,
                _ => AfterName::Comma,
            };
            (name, after)
        })
        .collect()
}

/// Separates the arguments in `data-t-args`.
pub const ARG_SEPARATOR: &str = "\n";

/// `template` with `{0}`, `{1}`… replaced by `args` (a missing argument
/// leaves its place empty; other braces stay).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let i: usize = after[..close].parse().ok()?;
            Some((i, close))
        }) {
            Some((i, close)) => {
                out.push_str(args.get(i).copied().unwrap_or(""));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_distinct_name_and_text_in_every_language() {
        assert_eq!(NAMES.len(), ENGLISH.len());
        assert_eq!(NAMES.len(), SPANISH.len());
        for (i, m) in Msg::ALL.iter().enumerate() {
            assert_eq!(*m as usize, i);
            assert_eq!(Msg::from_name(m.name()), Some(*m));
            for locale in Locale::ALL {
                let text = locale.builtin().get(*m).to_owned();
                assert!(
                    !text.trim().is_empty(),
                    "{} has no {:?} text",
                    m.name(),
                    locale
                );
            }
            // The same placeholders in both languages.
            let holes = |s: &str| {
                (0..4)
                    .filter(|i| s.contains(&format!("{{{i}}}")))
                    .collect::<Vec<_>>()
            };
            assert_eq!(holes(ENGLISH[i]), holes(SPANISH[i]), "{}", m.name());
        }
    }

    #[test]
    fn languages_are_chosen_by_their_primary_subtag_in_the_readers_order() {
        assert_eq!(Locale::of("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::of("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::of("fr"), None);
        assert_eq!(Locale::of("esperanto"), None);
        assert_eq!(Locale::negotiate(["fr-FR", "es", "en"]), Some(Locale::Es));
        assert_eq!(Locale::negotiate(["de", "fr"]), None);
    }

    #[test]
    fn dates_counts_and_reading_time_follow_the_language() {
        let en = Locale::En.builtin();
        let es = Locale::Es.builtin();
        let t = Timestamp::parse("2026-11-02T23:30:00-02:00").unwrap();
        assert_eq!(en.long_date(&t), "3 November 2026");
        assert_eq!(es.long_date(&t), "3 de noviembre de 2026");
        assert_eq!(en.long_date_time(&t), "3 November 2026, 01:30 UTC");
        assert_eq!(es.long_date_time(&t), "3 de noviembre de 2026, 01:30 UTC");
        assert_eq!(
            en.count(1, Msg::ArticlesOne, Msg::ArticlesOther),
            "1 article"
        );
        assert_eq!(
            es.count(3, Msg::ArticlesOne, Msg::ArticlesOther),
            "3 artículos"
        );
        assert_eq!(en.number(1234), "1,234");
        assert_eq!(es.number(1234), "1234");
        assert_eq!(es.number(12_345_678), "12.345.678");
        assert_eq!(en.number(999), "999");
        assert_eq!(es.minutes(4), "4 min de lectura");
        let names: Vec<String> = ["A", " ", "B", "C"].map(String::from).into();
        assert_eq!(en.join_names(&names), "A, B and C");
        assert_eq!(es.join_names(&names), "A, B y C");
    }

    #[test]
    fn language_files_read_back_and_fill_gaps_in_english() {
        let es = Locale::Es.builtin();
        let json = es.json();
        assert!(
            json.starts_with(r#"{"SkipToContent":"Saltar al contenido","#),
            "{json}"
        );
        // A file without a message (older than the app) shows it in English.
        let read = Texts::read(Locale::Es, |name| {
            (name != "Search").then(|| es.get(Msg::from_name(name).unwrap()).to_owned())
        });
        assert_eq!(read.get(Msg::Library), "Biblioteca");
        assert_eq!(read.get(Msg::Search), "Search");
    }

    #[test]
    fn templates_fill_numbered_holes_only() {
        assert_eq!(fill("{1} of {0}", &["a", "b"]), "b of a");
        assert_eq!(fill("{x} {0} {", &["a"]), "{x} a {");
        assert_eq!(fill("{3}", &["a"]), "");
    }

    #[test]
    fn marked_text_names_its_message_and_arguments() {
        let en = Texts::english();
        assert_eq!(
            en.t_args(Msg::MoreIn, &["Europe"]).into_string(),
            r#"<span data-t="MoreIn" data-t-args="Europe">More in Europe</span>"#
        );
        let t = Timestamp::parse("2026-11-02T09:30:00Z").unwrap();
        assert_eq!(
            en.time(&t, false).into_string(),
            r#"<time datetime="2026-11-02T09:30:00Z" data-t-date="date">2 November 2026</time>"#
        );
    }
}
