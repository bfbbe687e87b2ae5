// The demo library: what a freelancer's month looks like, so a first run has something to explore.
import { Temporal } from 'temporal-polyfill';
import type { NetworkId, PostStatus } from '../core/domain/posts';
import type { ClientService } from './clients';
import type { Library } from './library';
import type { PostService } from './posts';

interface DemoClient {
  name: string;
  timeZone: string;
  color: string;
  notes: string;
  networks: NetworkId[];
  campaign: string;
  posts: { title: string; caption: string; labels: string[] }[];
}

const CLIENTS: DemoClient[] = [
  {
    name: 'Maison Lumière',
    timeZone: 'Europe/Paris',
    color: '#db2777',
    notes: 'Boulangerie-pâtisserie, Lyon. Tone: warm, bilingual FR/EN.',
    networks: ['instagram', 'facebook', 'pinterest'],
    campaign: 'Fêtes de fin d’année',
    posts: [
      { title: 'Bûche de Noël reveal', caption: 'Notre bûche de Noël 2026 est arrivée 🎄 Chocolat noir, praliné noisette. Réservez en boutique ! #patisserie #noel #lyon', labels: ['product'] },
      { title: 'Behind the ovens', caption: 'Il est 4 h du matin, et les croissants sont déjà au four 🥐 #boulangerie #artisan', labels: ['behind-the-scenes'] },
      { title: 'Galette des rois pre-orders', caption: 'Les précommandes de galettes sont ouvertes ! Frangipane ou brioche ? 👑 https://maison-lumiere.example/galette', labels: ['product', 'pre-order'] },
      { title: 'Meet the team: Camille', caption: 'Voici Camille, notre cheffe pâtissière depuis 12 ans ✨ #equipe', labels: ['team'] },
      { title: 'Holiday opening hours', caption: 'Horaires des fêtes : ouvert le 24 jusqu’à 18 h, fermé le 25. Joyeuses fêtes ! 🎁', labels: ['info'] },
      { title: 'Macaron gift boxes', caption: 'Coffrets de 12 ou 24 macarons, parfaits sous le sapin 🎀 #macarons #cadeau', labels: ['product'] },
      { title: 'Customer favourite poll', caption: 'Votre viennoiserie préférée ? Croissant, pain au chocolat ou chausson aux pommes ? 💬', labels: ['engagement'] },
      { title: 'Sourdough workshop', caption: 'Atelier levain le samedi 12 : apprenez à faire votre pain au levain 🍞 Places limitées.', labels: ['event'] },
      { title: 'Thank-you post', caption: 'Merci pour cette belle année à vos côtés ❤️ #merci', labels: ['community'] },
      { title: 'New year, new flavours', caption: 'En janvier : yuzu, thé matcha et sarrasin 🍋 Restez connectés ! #nouveautes', labels: ['product', 'teaser'] },
    ],
  },
  {
    name: 'Harbor Coffee Co.',
    timeZone: 'America/New_York',
    color: '#0891b2',
    notes: 'Specialty coffee roaster, Portland ME. Tone: friendly, a little nerdy.',
    networks: ['instagram', 'x', 'linkedin', 'bluesky'],
    campaign: 'Winter blend launch',
    posts: [
      { title: 'Winter Blend launch', caption: 'Winter Blend is here ☕❄️ Notes of dark cherry, cocoa and cedar. Shop now: https://harbor.example/winter #coffee #specialtycoffee', labels: ['launch'] },
      { title: 'Brew guide: V60', caption: 'Our V60 recipe: 15 g coffee, 250 g water at 94 °C, 3:00 total. Save this for later 📌 #brewguide', labels: ['education'] },
      { title: 'Roastery tour', caption: 'Come see where the magic happens: free roastery tours every Saturday at 10 am 🔥', labels: ['event'] },
      { title: 'Origin story: Huila', caption: 'Meet the farmers behind our Huila, Colombia lot 🇨🇴 A 5-year partnership and counting.', labels: ['origin'] },
      { title: 'Holiday gift cards', caption: 'Last-minute gift? Our digital gift cards arrive instantly 🎁 https://harbor.example/gift', labels: ['product'] },
      { title: 'Latte art Friday', caption: 'Latte art Friday: rate this rosetta from 1 to 10 👇 #latteart', labels: ['engagement'] },
      { title: 'We are hiring', caption: 'We are hiring a head roaster! Remote-friendly, full-time. Details on our site. #hiring #coffeejobs', labels: ['hiring'] },
      { title: 'Decaf done right', caption: 'Swiss Water decaf that actually tastes like coffee. Yes, really. ☕ #decaf', labels: ['product'] },
      { title: 'Year in review', caption: '2026 by the numbers: 42 tonnes roasted, 9 origins, 1 very tired roaster 😅 Thank you!', labels: ['community'] },
      { title: 'Cold brew teaser', caption: 'Something cold is coming in January… 🧊 #comingsoon', labels: ['teaser'] },
    ],
  },
];

const SLOTS = ['09:00', '12:30', '18:00'];
const STATUSES: PostStatus[] = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'draft', 'changes_requested', 'scheduled', 'draft', 'idea'];

function demoDesign(name: string, color: string, title: string) {
  const el = (fields: Record<string, unknown>) => ({ rotation: 0, opacity: 1, visible: true, locked: false, version: 1, ...fields });
  return {
    schemaVersion: 1,
    name,
    preset: 'instagram-square',
    width: 1080,
    height: 1080,
    pages: [
      {
        id: 'page-1',
        name: 'Page 1',
        background: { type: 'color', color: '#fdf8f3' },
        elements: [
          el({ id: 'band', type: 'rect', name: 'Band', x: 0, y: 760, width: 1080, height: 320, fill: color, cornerRadius: 0 }),
          el({
            id: 'title',
            type: 'text',
            name: 'Title',
            x: 80,
            y: 820,
            width: 920,
            height: 200,
            text: title,
            fontFamily: 'Inter',
            fontSize: 72,
            fontWeight: 700,
            fontStyle: 'normal',
            fill: '#ffffff',
            align: 'left',
            verticalAlign: 'middle',
            lineHeight: 1.1,
            letterSpacing: 0,
          }),
          el({ id: 'dot', type: 'ellipse', name: 'Sun', x: 700, y: 160, width: 260, height: 260, fill: color }),
        ],
      },
    ],
  };
}

/**
 * Seeds the demo clients, their posts and designs. A demo client already in the library (same name,
 * not deleted) is left as it is, so seeding twice never duplicates anything.
 */
export function seedDemo(lib: Library, clients: ClientService, posts: PostService) {
  const now = Temporal.Instant.fromEpochMilliseconds(lib.clock.now());
  let postCount = 0;
  let designCount = 0;
  let clientCount = 0;
  let alreadyPresent = 0;
  for (const spec of CLIENTS) {
    const existing = lib.clients.findByName(spec.name);
    if (existing && existing.deleted_at === null) {
      alreadyPresent++;
      continue;
    }
    const client = clients.create({ name: spec.name, timeZone: spec.timeZone, color: spec.color, notes: spec.notes });
    clientCount++;
    const today = now.toZonedDateTimeISO(spec.timeZone).toPlainDate();
    spec.posts.forEach((p, i) => {
      const day = today.add({ days: 2 + i * 3 });
      const at = `${day.toString()}T${SLOTS[i % SLOTS.length]}`;
      const unscheduled = i === spec.posts.length - 1; // one idea waits in the drafts sidebar
      const post = posts.create({
        clientId: client.id,
        title: p.title,
        caption: p.caption,
        status: STATUSES[i % STATUSES.length],
        at: unscheduled ? undefined : at,
        networks: spec.networks,
        labels: p.labels,
        campaign: i < 5 ? spec.campaign : '',
      });
      postCount++;
      if (i < 2) {
        const doc = demoDesign(p.title, spec.color, p.title);
        const id = lib.ids();
        const stamp = lib.clock.now();
        lib.write(() => {
          lib.designs.insert({
            id,
            client_id: client.id,
            name: p.title,
            preset: doc.preset,
            schema_version: doc.schemaVersion,
            document: JSON.stringify({ ...doc, id }),
            created_at: stamp,
            updated_at: stamp,
            deleted_at: null,
          });
          lib.db.prepare('UPDATE post_variants SET design_id = ?, page_index = 0 WHERE post_id = ?').run(id, post.id);
        });
        designCount++;
      }
    });
  }
  return { clients: clientCount, posts: postCount, designs: designCount, alreadyPresent };
}
