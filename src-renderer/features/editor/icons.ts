// The Elements panel's icons: a curated part of Lucide (ISC licence, npm `lucide`), each with a
// translated name (editor.icons.<name>) so people can search in their language. Added to a design
// as a `path` element in the icon's 24×24 grid.
import {
  ArrowDown, ArrowLeft, ArrowRight, ArrowUp, Award, Baby, Bell, Bookmark, Cake, Calendar, Camera, Check, ChevronRight, CircleCheck, Clock, Cloud, Coffee, CreditCard, Dumbbell,
  Flame, Flower, Gift, Globe, Heart, House, Image, Leaf, Lightbulb, Mail, MapPin, MessageCircle, Mic, Moon, PawPrint, Percent, Phone, Pizza, Plus, Quote, Rocket, Share2,
  ShoppingBag, ShoppingCart, Snowflake, Sparkles, Star, Store, Sun, Tag, ThumbsUp, Trophy, Truck, User, Users, Utensils, Video, Wifi, X, Zap,
} from 'lucide';
import { iconToPath, type IconNode } from '../../../src-main/core/design/icon-path';

const SET: Record<string, IconNode> = {
  heart: Heart, star: Star, thumbsUp: ThumbsUp, sparkles: Sparkles, messageCircle: MessageCircle, share: Share2, bookmark: Bookmark, bell: Bell,
  camera: Camera, image: Image, video: Video, mic: Mic, phone: Phone, mail: Mail, mapPin: MapPin, calendar: Calendar, clock: Clock,
  gift: Gift, shoppingBag: ShoppingBag, shoppingCart: ShoppingCart, tag: Tag, percent: Percent, creditCard: CreditCard, truck: Truck, house: House, store: Store,
  coffee: Coffee, utensils: Utensils, cake: Cake, pizza: Pizza, leaf: Leaf, flower: Flower, sun: Sun, moon: Moon, cloud: Cloud, snowflake: Snowflake, flame: Flame, zap: Zap,
  check: Check, checkCircle: CircleCheck, x: X, plus: Plus, arrowRight: ArrowRight, arrowLeft: ArrowLeft, arrowUp: ArrowUp, arrowDown: ArrowDown, chevronRight: ChevronRight,
  quote: Quote, lightbulb: Lightbulb, rocket: Rocket, trophy: Trophy, award: Award, users: Users, user: User, globe: Globe, wifi: Wifi, dumbbell: Dumbbell, pawPrint: PawPrint, baby: Baby,
};

export interface IconEntry {
  /** Key under editor.icons for its name. */
  key: string;
  data: string;
}

export const ICONS: readonly IconEntry[] = Object.entries(SET).map(([key, node]) => ({ key, data: iconToPath(node) }));
