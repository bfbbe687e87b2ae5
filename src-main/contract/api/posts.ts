import { z } from 'zod';
import { Id, Post, PostCreate, PostQuery, PostUpdate } from '../entities';
import { defineMethods } from './define';

export const postMethods = defineMethods({
  'posts.list': { summary: 'Posts by client, period and status.', input: PostQuery, output: z.array(Post) },
  'posts.get': { summary: 'One post by id.', input: z.strictObject({ id: Id }), output: Post },
  'posts.create': { summary: 'Create a post, scheduled or not.', input: PostCreate, output: Post },
  'posts.update': { summary: 'Change a post.', input: PostUpdate, output: Post },
  'posts.delete': { summary: 'Move a post to the trash.', input: z.strictObject({ id: Id }), output: Post },
  'posts.restore': { summary: 'Bring a deleted post back.', input: z.strictObject({ id: Id }), output: Post },
});
