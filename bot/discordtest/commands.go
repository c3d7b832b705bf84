package discordtest

import (
	"net/http"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// commandScope returns the guild of a command route, "" for global
// commands, after checking that the bot may manage commands there.
func (s *Server) commandScope(c *call) (string, reply, bool) {
	if c.r.PathValue("app") != s.cfg.appID {
		return "", errorReply(http.StatusForbidden, 50001, "Missing Access"), false
	}
	guild := c.r.PathValue("guild")
	if guild != "" && !slices.Contains(s.cfg.guilds, guild) {
		return "", errorReply(http.StatusForbidden, 50001, "Missing Access"), false
	}
	return guild, reply{}, true
}

// listCommands serves GET .../commands.
func (s *Server) listCommands(c *call) reply {
	guild, rep, ok := s.commandScope(c)
	if !ok {
		return rep
	}
	return jsonReply(http.StatusOK, s.commandList(guild))
}

func (s *Server) commandList(guild string) []*discordgo.ApplicationCommand {
	if cmds := s.commands[guild]; cmds != nil {
		return cmds
	}
	return []*discordgo.ApplicationCommand{}
}

// overwriteCommands serves PUT .../commands, Discord's bulk overwrite: the
// list replaces every command of the scope, and commands that keep their
// type and name keep their ID.
func (s *Server) overwriteCommands(c *call) reply {
	guild, rep, ok := s.commandScope(c)
	if !ok {
		return rep
	}
	chk := &checker{}
	var cmds []*discordgo.ApplicationCommand
	if !chk.decode("", c.body, &cmds) {
		return s.reject(c, chk)
	}
	chk.checkCommands(cmds)
	if !chk.ok() {
		return s.reject(c, chk)
	}
	old := s.commands[guild]
	for _, cmd := range cmds {
		s.fillCommand(cmd, guild, old)
	}
	s.commands[guild] = cmds
	return jsonReply(http.StatusOK, s.commandList(guild))
}

// createCommand serves POST .../commands, which creates a command or
// replaces the one with the same type and name.
func (s *Server) createCommand(c *call) reply {
	guild, rep, ok := s.commandScope(c)
	if !ok {
		return rep
	}
	chk := &checker{}
	var cmd discordgo.ApplicationCommand
	if !chk.decode("", c.body, &cmd) {
		return s.reject(c, chk)
	}
	chk.checkCommand("", &cmd)
	if !chk.ok() {
		return s.reject(c, chk)
	}
	old := s.commands[guild]
	s.fillCommand(&cmd, guild, old)
	for i, o := range old {
		if o.ID == cmd.ID {
			old[i] = &cmd
			return jsonReply(http.StatusOK, &cmd)
		}
	}
	all := append(slices.Clip(old), &cmd)
	chk.checkCommands(all)
	if !chk.ok() {
		return s.reject(c, chk)
	}
	s.commands[guild] = all
	return jsonReply(http.StatusCreated, &cmd)
}

// getCommand serves GET .../commands/{cmd}.
func (s *Server) getCommand(c *call) reply {
	guild, rep, ok := s.commandScope(c)
	if !ok {
		return rep
	}
	for _, cmd := range s.commands[guild] {
		if cmd.ID == c.r.PathValue("cmd") {
			return jsonReply(http.StatusOK, cmd)
		}
	}
	return errorReply(http.StatusNotFound, 10063, "Unknown application command")
}

// deleteCommand serves DELETE .../commands/{cmd}.
func (s *Server) deleteCommand(c *call) reply {
	guild, rep, ok := s.commandScope(c)
	if !ok {
		return rep
	}
	cmds := s.commands[guild]
	for i, cmd := range cmds {
		if cmd.ID == c.r.PathValue("cmd") {
			s.commands[guild] = slices.Delete(slices.Clone(cmds), i, i+1)
			return noContent()
		}
	}
	return errorReply(http.StatusNotFound, 10063, "Unknown application command")
}

// fillCommand sets the fields Discord adds to a registered command.
func (s *Server) fillCommand(cmd *discordgo.ApplicationCommand, guild string, old []*discordgo.ApplicationCommand) {
	if cmd.Type == 0 {
		cmd.Type = discordgo.ChatApplicationCommand
	}
	cmd.ID = ""
	for _, o := range old {
		if o.Type == cmd.Type && o.Name == cmd.Name {
			cmd.ID = o.ID
		}
	}
	if cmd.ID == "" {
		cmd.ID = s.newID()
	}
	cmd.ApplicationID = s.cfg.appID
	cmd.GuildID = guild
	cmd.Version = s.newID()
	if cmd.Options == nil && cmd.Type == discordgo.ChatApplicationCommand {
		cmd.Options = []*discordgo.ApplicationCommandOption{}
	}
}

// commandIDLocked returns the ID of a registered chat command, preferring
// the guild's, so that built interactions carry the ID Discord would send.
func (s *Server) commandIDLocked(guild, name string) string {
	for _, scope := range []string{guild, ""} {
		for _, cmd := range s.commands[scope] {
			if cmd.Name == name && cmd.Type == discordgo.ChatApplicationCommand {
				return cmd.ID
			}
		}
	}
	return ""
}
