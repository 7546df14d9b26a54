/** How a dossier reached the one-stop desk (the portal's channel codes). */
export type Channel = 'online' | 'direct' | 'post';
